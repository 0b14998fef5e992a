package com.alvh.console;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** The backtest form: the profiles to choose from. Runs go through POST/GET /api/v1/backtests from the browser. */
@TemplateData
record BacktestPage(List<String> profiles) {
}
