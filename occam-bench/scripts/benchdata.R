# What the R sides of the benchmarks share (sourced by bench_glmnet.R and cv/bench_cv_glmnet.R):
# "--name value" options, reading meta.json of a data set written by dev.occam.bench.DataGenerator,
# and the process's memory figures.

# Options as a list: the defaults, overridden by "--name value" pairs from the command line.
parse_options <- function(defaults, args = commandArgs(trailingOnly = TRUE)) {
  if (length(args) %% 2 != 0) stop("options come in pairs --name value")
  for (k in seq(1, length(args), by = 2)) defaults[[sub("^--", "", args[k])]] <- args[k + 1]
  if (is.null(defaults$data)) stop("--data is required")
  defaults
}

# A function key -> value (as text) over the data set's meta.json (flat keys only).
meta_reader <- function(dir) {
  meta_txt <- paste(readLines(file.path(dir, "meta.json"), warn = FALSE), collapse = "\n")
  function(key) {
    m <- regmatches(meta_txt, regexec(paste0('"', key, '"\\s*:\\s*"?([^",}\n]+)"?'), meta_txt))[[1]]
    if (length(m) < 2) stop(paste("meta.json has no", key))
    trimws(m[2])
  }
}

# A field of /proc/self/status in kB (VmRSS, VmHWM).
vm_kb <- function(field) {
  s <- grep(paste0("^", field, ":"), readLines("/proc/self/status"), value = TRUE)
  as.numeric(strsplit(trimws(sub(paste0(field, ":"), "", s)), "\\s+")[[1]][1])
}

# Resets VmHWM so the reported peak is that of fitting with the data in memory (Linux); TRUE if it could.
reset_peak <- function() tryCatch({ cat("5", file = "/proc/self/clear_refs"); TRUE }, error = function(e) FALSE)
