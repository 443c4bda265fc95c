# glmnet's side of the end-to-end benchmark: read a numeric CSV with data.table::fread, fit the
# default gaussian lasso path (100 lambdas, standardized), write the coefficients with fwrite.
# usage: Rscript e2e_glmnet.R DATA.csv TARGET OUT.csv
# Prints one JSON line with the in-interpreter seconds of each phase (library loading, read, fit,
# write); the harness times the whole process around it.
t_start <- proc.time()[["elapsed"]]
suppressPackageStartupMessages({
  library(data.table)
  library(glmnet)
})
setDTthreads(2L)
t_imports <- proc.time()[["elapsed"]]
args <- commandArgs(trailingOnly = TRUE)
# a .parquet file (the benchmark's Parquet twin) is read with arrow, when it is installed
dt <- if (grepl("\\.parquet$", args[1])) as.data.table(arrow::read_parquet(args[1])) else fread(args[1])
y <- dt[[args[2]]]
dt[, (args[2]) := NULL]
x <- as.matrix(dt)
t_read <- proc.time()[["elapsed"]]
fit <- glmnet(x, y, family = "gaussian")
t_fit <- proc.time()[["elapsed"]]
coefs <- as.matrix(t(coef(fit)))
fwrite(data.table(lambda = fit$lambda, coefs), args[3])
t_write <- proc.time()[["elapsed"]]
cat(sprintf('{"imports": %.4f, "read": %.4f, "fit": %.4f, "write": %.4f}\n',
            t_imports - t_start, t_read - t_imports, t_fit - t_read, t_write - t_fit))
