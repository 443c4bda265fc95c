#!/usr/bin/env Rscript
# Times R's cv.glmnet on the cross-validation benchmark (the glmnet side of scripts/cv/run_cv.sh).
#
# The call: cv.glmnet(x, y, alpha = --alpha, foldid = <fold ids read from --folds>), every other
# argument at glmnet's default: 100 lambda values from lambda_max down to 1e-4 * lambda_max (n > p),
# standardize = TRUE, intercept = TRUE, thresh = 1e-7, type.measure = "mse", type.gaussian =
# "naive" (glmnet's choice for p >= 500), each fold on its own lambda sequence and predicted at the
# full data's lambda by interpolation, and the folds fitted one after the other (parallel = FALSE).
# With --workers W > 1 it registers doParallel with W workers and passes parallel = TRUE (forked
# workers on Linux: their memory is not in this process's peak, which then under-reports).
# --thresh overrides thresh (for agreement checks, not for the timed comparison).
#
# Only cv.glmnet() is timed, with X already in memory as a dense matrix. The first run is reported
# as first_seconds; "seconds" is the best of the later runs (the first when only one ran); runs stop
# once their total passes --budget seconds. Memory: VmRSS once the data are loaded, and the peak
# VmHWM from then on (reset through /proc/self/clear_refs).
#
# Usage: Rscript bench_cv_glmnet.R --data DIR --folds FILE [--alpha A] [--runs R] [--budget S]
#                                  [--curve-out FILE.csv] [--workers W] [--thresh T] [--label NAME]
# Prints one JSON line on stdout; writes the CV curve (lambda,cvm,cvsd,nzero per lambda, 17
# significant digits) to --curve-out.

suppressPackageStartupMessages({
  library(glmnet)
})

# shared helpers: occam-bench/scripts/benchdata.R, found next to this script's own directory
script_file <- sub("^--file=", "", grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)[1])
source(file.path(dirname(normalizePath(script_file)), "../benchdata.R"))
opt <- parse_options(list(alpha = "0.5", runs = "3", budget = "120", workers = "1", thresh = "", label = ""))
if (is.null(opt$folds)) stop("--folds is required")

meta_value <- meta_reader(opt$data)
n <- as.integer(meta_value("n"))
p <- as.integer(meta_value("p"))
if (meta_value("kind") != "dense" || meta_value("family") != "gaussian") stop("the CV benchmark needs dense gaussian data")
alpha <- as.numeric(opt$alpha)
workers <- as.integer(opt$workers)
label <- if (nzchar(opt$label)) opt$label else if (workers > 1) paste0("glmnet-par", workers) else "glmnet"

x <- matrix(readBin(file.path(opt$data, "X.f64"), what = "double", n = as.double(n) * p, size = 8, endian = "little"),
            nrow = n, ncol = p)
y <- readBin(file.path(opt$data, "y.f64"), what = "double", n = n, size = 8, endian = "little")
foldid <- readBin(opt$folds, what = "integer", n = n + 1, size = 4, endian = "little")
if (length(foldid) != n) stop(sprintf("%s: expected %d fold ids; found %d", opt$folds, n, length(foldid)))

if (workers > 1) {
  suppressPackageStartupMessages(library(doParallel))
  registerDoParallel(cores = workers)
}

invisible(gc())
rss_after_load <- vm_kb("VmRSS")
peak_reset <- reset_peak()

cv_once <- function() {
  a <- list(x = x, y = y, alpha = alpha, foldid = foldid)
  if (nzchar(opt$thresh)) a$thresh <- as.numeric(opt$thresh)
  if (workers > 1) a$parallel <- TRUE
  do.call(cv.glmnet, a)
}

times <- c()
cpu <- c()
warns <- character(0)
fit <- NULL
for (r in seq_len(as.integer(opt$runs))) {
  if (r > 1 && sum(times) >= as.numeric(opt$budget)) break
  invisible(gc())
  t0 <- proc.time()
  fit <- withCallingHandlers(cv_once(), warning = function(w) {
    warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning")
  })
  dt <- proc.time() - t0
  times <- c(times, dt[["elapsed"]])
  # forked workers' CPU time is in the child columns
  cpu <- c(cpu, dt[["user.self"]] + dt[["sys.self"]] + dt[["user.child"]] + dt[["sys.child"]])
  message(sprintf("%s cv run %d: %.3f s", label, r, times[length(times)]))
}

if (!is.null(opt$`curve-out`)) {
  tmp <- paste0(opt$`curve-out`, ".tmp")
  f17 <- function(v) sprintf("%.17g", v)
  writeLines(c("lambda,cvm,cvsd,nzero",
               paste(f17(fit$lambda), f17(fit$cvm), f17(fit$cvsd), as.integer(fit$nzero), sep = ",")), tmp)
  invisible(file.rename(tmp, opt$`curve-out`))
}

later <- if (length(times) > 1) seq(2, length(times)) else 1
best <- later[which.min(times[later])]
im <- fit$index["min", 1]
i1 <- fit$index["1se", 1]
json_str <- function(s) paste0('"', gsub('(["\\\\])', "\\\\\\1", gsub("\n", " ", s)), '"')
cat(sprintf(paste0('{"tool":%s,"alpha":%s,"folds":%d,"fold_lambdas":"own","tolerance":%s,"first_seconds":%.6f,',
                   '"seconds":%.6f,"cpu_seconds":%.6f,"runs":[%s],"n_lambda":%d,"lambda_min":%.17g,"lambda_1se":%.17g,',
                   '"index_min":%d,"index_1se":%d,"cvm_min":%.17g,"nzero_min":%d,"nzero_1se":%d,"warnings":%s,',
                   '"rss_after_load_mb":%.1f,"peak_rss_mb":%.1f,"peak_reset":%s,"workers":%d,"version":%s,"r":%s}\n'),
            json_str(label), opt$alpha, length(unique(foldid)), if (nzchar(opt$thresh)) opt$thresh else "1e-7",
            times[1], times[best], cpu[best], paste(sprintf("%.6f", times), collapse = ","), length(fit$lambda),
            fit$lambda.min, fit$lambda.1se, im, i1, fit$cvm[im], as.integer(fit$nzero[im]), as.integer(fit$nzero[i1]),
            json_str(paste(unique(warns), collapse = "; ")), rss_after_load / 1024, vm_kb("VmHWM") / 1024,
            if (peak_reset) "true" else "false", workers, json_str(as.character(packageVersion("glmnet"))),
            json_str(paste(R.version$major, R.version$minor, sep = "."))))
