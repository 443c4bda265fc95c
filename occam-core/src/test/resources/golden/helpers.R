# What the golden-value scripts make_golden.R and fit/make_fit_golden.R share, sourced by each:
# the JSON writer (numbers formatted by the calling script's num()) and the loss gradient of
# their KKT checks.

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

# The gradient of the weighted mean loss: g = Xᵀ(u∘(μ − y)) per response and its column
# sums g0 (the intercepts'), u the weights normalized to sum 1.
gradient <- function(x, Y, w, eta, family) {
  u <- w / sum(w)
  r <- switch(family,
              gaussian = eta - Y,
              binomial = 1 / (1 + exp(-eta)) - Y,
              poisson = exp(eta) - Y,
              multinomial = { e <- exp(eta - apply(eta, 1, max)); e / rowSums(e) - Y })
  r <- as.matrix(r) * u
  list(g = as.matrix(crossprod(x, r)), g0 = colSums(r))
}
