#!/usr/bin/env Rscript
# Reference variance components for issue 16's panel reliability study, from R's lme4.
#
# Generates panels of known shape (fully crossed, nested, ill-structured, missing competencies),
# writes each as a CSV of ratings, and fits
#   rating ~ competency + (1|candidate) + (1|interviewer) + (1|candidate:competency)
# by REML, the way Debrief's study must estimate it, writing lme4's numbers beside the CSV as JSON.
# `make test` reads the stored files and needs no R; run this again only to change the data sets.
#
# Usage: Rscript Fixtures/reliability/make-fixtures.R [FOLDER]   (Debian: apt-get install --no-install-recommends r-cran-lme4)
suppressMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) > 0 && args[1] %in% c("-h", "--help")) {
  cat("usage: Rscript make-fixtures.R [FOLDER]: writes NAME.csv and NAME.lme4.json for each data set\n")
  quit(status = 0)
}
folder <- if (length(args) > 0) args[1] else dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))

competencies <- c("fundamentals", "apis-http", "databases", "system-design")

# Ratings on the 1-4 scale from true components: candidate, interviewer, candidate x competency, residual.
rate <- function(design, sd_candidate, sd_interviewer, sd_cc, sd_residual, shift = c(0, 0.2, -0.1, 0.3)) {
  candidates <- sort(unique(design$candidate)); interviewers <- sort(unique(design$interviewer))
  ce <- setNames(rnorm(length(candidates), 0, sd_candidate), candidates)
  ie <- setNames(rnorm(length(interviewers), 0, sd_interviewer), interviewers)
  cells <- unique(paste(design$candidate, design$competency))
  cc <- setNames(rnorm(length(cells), 0, sd_cc), cells)
  value <- 2.5 + shift[match(design$competency, competencies)] + ce[as.character(design$candidate)] +
    ie[as.character(design$interviewer)] + cc[paste(design$candidate, design$competency)] + rnorm(nrow(design), 0, sd_residual)
  design$rating <- pmin(4, pmax(1, round(value)))
  design
}

panels <- function(n_candidates, pool, sizes) {
  do.call(rbind, lapply(seq_len(n_candidates), function(candidate) {
    panel <- sample(pool, sample(sizes, 1))
    expand.grid(candidate = candidate, interviewer = panel, competency = competencies, stringsAsFactors = FALSE)
  }))
}

sets <- list()
set.seed(16)
# Every interviewer rates every competency of every candidate.
sets$crossed <- rate(expand.grid(candidate = 1:40, interviewer = 101:104, competency = competencies, stringsAsFactors = FALSE),
                     0.6, 0.3, 0.3, 0.5)
# Each candidate meets interviewers no other candidate meets.
sets$nested <- rate(do.call(rbind, lapply(1:60, function(candidate) {
  expand.grid(candidate = candidate, interviewer = 1000 + 3 * candidate + 0:2, competency = competencies, stringsAsFactors = FALSE)
})), 0.6, 0.3, 0.3, 0.5)
# A pool of 25 interviewers, panels of 2 to 4 drawn for each candidate, 15% of ratings missing.
ill <- rate(panels(250, 201:225, 2:4), 0.5, 0.35, 0.25, 0.55)
sets$ill_structured <- ill[runif(nrow(ill)) > 0.15, ]
# Each interviewer rates only two or three of the competencies of each candidate.
missing <- rate(panels(200, 301:320, 3), 0.6, 0.25, 0.35, 0.5)
pair <- paste(missing$candidate, missing$interviewer)
kept <- setNames(sample(2:3, length(unique(pair)), replace = TRUE), unique(pair))
order_in_pair <- ave(runif(nrow(missing)), pair, FUN = rank)
sets$missing_competencies <- missing[order_in_pair <= kept[pair], ]

number <- function(x) formatC(x, digits = 15, format = "g")
for (name in names(sets)) {
  data <- sets[[name]]
  data <- data[order(data$candidate, data$interviewer, match(data$competency, competencies)), c("candidate", "interviewer", "competency", "rating")]
  write.csv(data, file.path(folder, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  data$competency <- factor(data$competency, levels = competencies)
  fit <- lmer(rating ~ competency + (1 | candidate) + (1 | interviewer) + (1 | candidate:competency), data = data, REML = TRUE,
              control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhobeg = 2e-4, rhoend = 2e-11, maxfun = 1e6), calc.derivs = FALSE))
  components <- as.data.frame(VarCorr(fit))
  variance <- function(group) components$vcov[components$grp == group]
  fixed <- fixef(fit)
  json <- paste0(
    "{\n",
    '  "data": "', name, '.csv",\n',
    '  "model": "rating ~ competency + (1|candidate) + (1|interviewer) + (1|candidate:competency)",\n',
    '  "method": "REML",\n',
    '  "lme4": "', as.character(packageVersion("lme4")), '",\n',
    '  "ratings": ', nrow(data), ",\n",
    '  "candidates": ', length(unique(data$candidate)), ",\n",
    '  "interviewers": ', length(unique(data$interviewer)), ",\n",
    '  "variance": {\n',
    '    "candidate": ', number(variance("candidate")), ",\n",
    '    "interviewer": ', number(variance("interviewer")), ",\n",
    '    "candidate_competency": ', number(variance("candidate:competency")), ",\n",
    '    "residual": ', number(variance("Residual")), "\n",
    "  },\n",
    '  "fixed": {', paste0('"', names(fixed), '": ', number(unname(fixed)), collapse = ", "), "},\n",
    '  "reml_criterion": ', number(REMLcrit(fit)), "\n",
    "}\n")
  writeLines(json, file.path(folder, paste0(name, ".lme4.json")), sep = "")
  cat(name, ": ", nrow(data), " ratings\n", sep = "")
}
