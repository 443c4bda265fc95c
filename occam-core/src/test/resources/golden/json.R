# The JSON writer of the golden-value scripts make_golden.R and fit/make_fit_golden.R:
# sourced by each; numbers are formatted by the calling script's num().

# Minimal JSON writer: named list -> object, unnamed vector of length != 1 or list -> array.
json <- function(v, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(v)) return("null")
  if (is.list(v) && !is.null(names(v))) {
    items <- vapply(names(v), function(k) paste0(inner, "\"", k, "\": ", json(v[[k]], inner)), "")
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
  }
  if (is.list(v)) return(paste0("[", paste(vapply(v, json, "", indent = inner), collapse = ", "), "]"))
  if (length(v) != 1 || !is.null(attr(v, "array"))) {
    return(paste0("[", paste(vapply(v, json, "", indent = inner), collapse = ", "), "]"))
  }
  if (is.logical(v)) return(if (v) "true" else "false")
  if (is.numeric(v)) return(if (is.finite(v)) num(v) else stop("non-finite number in JSON"))
  paste0("\"", gsub("\"", "\\\\\"", v), "\"")
}
as_array <- function(v) structure(v, array = TRUE)
