#!/usr/bin/env Rscript
# Times R glmnet on one benchmark task (the glmnet side of occam-bench/run.sh).
#
# The fit: glmnet(x, y, family, alpha, lambda = <stored sequence>, standardize = FALSE,
# intercept = TRUE, thresh = --tolerance, maxit = --maxit (default 1e7 passes for the whole path,
# Occam's default too, instead of glmnet's 1e5, so that a tight thresh is not cut short)).
# That is the canonical objective
#   (1/n) sum_i l(y_i, b0 + x_i'w) + lambda * (alpha |w|_1 + (1 - alpha)/2 |w|_2^2)
# because the generator made sd(y) = 1 for gaussian data (glmnet's internal y standardization then
# changes nothing) and the dense columns already have mean 0 and variance 1.
# Only glmnet() is timed, with X already in memory (dense matrix, or dgCMatrix for sparse data).
# The first fit is reported as first_seconds; "seconds" is the best of the later fits (all of
# them when only one ran); fits stop once their total passes --budget seconds. Memory: VmRSS
# once the data are loaded, and the peak VmHWM from then on (reset through /proc/self/clear_refs).
#
# Usage: Rscript bench_glmnet.R --data DIR --task NAME --alpha A --tolerance T --runs R
#                               [--budget S] [--coef-out FILE] [--type-gaussian naive|covariance]
#                               [--maxit M]
# Prints one JSON line on stdout; writes rows [b0, w_1..w_p] per lambda (float64 LE) to --coef-out.

suppressPackageStartupMessages({
  library(glmnet)
  library(Matrix)
})

# shared helpers: occam-bench/scripts/benchdata.R, found next to this script's own directory
script_file <- sub("^--file=", "", grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)[1])
source(file.path(dirname(normalizePath(script_file)), "benchdata.R"))
opt <- parse_options(list(tolerance = "1e-7", runs = "3", budget = "120", alpha = "1", `type-gaussian` = "", maxit = "1e7"))

meta_value <- meta_reader(opt$data)
n <- as.integer(meta_value("n"))
p <- as.integer(meta_value("p"))
kind <- meta_value("kind")
family <- meta_value("family")
alpha <- as.numeric(opt$alpha)
alpha_name <- if (alpha == round(alpha)) as.character(as.integer(alpha)) else as.character(alpha)

read_f64 <- function(name, count) {
  f <- file.path(opt$data, name)
  if (missing(count)) count <- file.size(f) / 8
  readBin(f, what = "double", n = count, size = 8, endian = "little")
}
read_i32 <- function(name, count) {
  readBin(file.path(opt$data, name), what = "integer", n = count, size = 4, endian = "little")
}

if (kind == "dense") {
  x <- matrix(read_f64("X.f64", as.double(n) * p), nrow = n, ncol = p)
} else {
  colptr <- read_i32("colptr.i32", p + 1)
  nnz <- colptr[p + 1]
  # The stored arrays are already CSC with 0-based rows: build the dgCMatrix without re-sorting.
  x <- new("dgCMatrix", i = read_i32("rowind.i32", nnz), p = colptr, x = read_f64("values.f64", nnz),
           Dim = c(n, p))
}
y <- read_f64("y.f64", n)
lambda <- read_f64(paste0("lambda-alpha", alpha_name, ".f64"))

invisible(gc())
rss_after_load <- vm_kb("VmRSS")
peak_reset <- reset_peak()

fit_once <- function() {
  extra <- list()
  if (family == "gaussian" && nzchar(opt$`type-gaussian`)) extra$type.gaussian <- opt$`type-gaussian`
  do.call(glmnet, c(list(x = x, y = y, family = family, alpha = alpha, lambda = lambda,
                         standardize = FALSE, intercept = TRUE, thresh = as.numeric(opt$tolerance),
                         maxit = as.numeric(opt$maxit)), extra))
}

times <- c()
cpu <- c()
warns <- character(0)
fit <- NULL
runs <- as.integer(opt$runs)
budget <- as.numeric(opt$budget)
for (r in seq_len(runs)) {
  if (r > 1 && sum(times) >= budget) break
  invisible(gc())
  t0 <- proc.time()
  fit <- withCallingHandlers(fit_once(), warning = function(w) {
    warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning")
  })
  dt <- proc.time() - t0
  times <- c(times, dt[["elapsed"]])
  cpu <- c(cpu, dt[["user.self"]] + dt[["sys.self"]])
  message(sprintf("glmnet %s run %d: %.3f s", opt$task, r, times[length(times)]))
}

if (!is.null(opt$`coef-out`)) {
  # coef() is (p+1) x L with the intercept first: column-major it is exactly rows [b0, w] per lambda.
  cf <- as.matrix(coef(fit))
  tmp <- paste0(opt$`coef-out`, ".tmp")
  con <- file(tmp, "wb")
  writeBin(as.vector(cf), con, size = 8, endian = "little")
  close(con)
  invisible(file.rename(tmp, opt$`coef-out`))
}

later <- if (length(times) > 1) seq(2, length(times)) else 1
best <- later[which.min(times[later])]
json_str <- function(s) paste0('"', gsub('(["\\\\])', "\\\\\\1", gsub("\n", " ", s)), '"')
cat(sprintf(paste0('{"tool":"glmnet","task":%s,"tolerance":%s,"first_seconds":%.6f,"seconds":%.6f,',
                   '"cpu_seconds":%.6f,"runs":[%s],"lambdas":%d,"complete":%s,"passes":%d,"converged":%s,"warnings":%s,',
                   '"rss_after_load_mb":%.1f,"peak_rss_mb":%.1f,"peak_reset":%s,"version":%s,"type_gaussian":%s}\n'),
            json_str(opt$task), opt$tolerance, times[1], times[best], cpu[best], paste(sprintf("%.6f", times), collapse = ","),
            length(fit$lambda), if (length(fit$lambda) == length(lambda)) "true" else "false", as.integer(fit$npasses), if (fit$jerr == 0 && length(warns) == 0) "true" else "false",
            json_str(paste(unique(warns), collapse = "; ")), rss_after_load / 1024, vm_kb("VmHWM") / 1024, if (peak_reset) "true" else "false",
            json_str(as.character(packageVersion("glmnet"))),
            json_str(if (family == "gaussian") (if (nzchar(opt$`type-gaussian`)) opt$`type-gaussian` else
              if (p < 500) "covariance" else "naive") else "")))
