/// The question-health report as CSV: one row per question (and scale), every figure in its own column.
public enum QuestionHealthCSV {
    public static func render(_ report: QuestionHealthReport) -> String {
        var rows = [
            [
                "question_id", "question", "set_id", "set", "set_version", "scale_min", "scale_max", "asked", "rated", "no_signal_share",
                "floor_share", "ceiling_share", "mean", "mean_low", "mean_high", "standard_deviation", "item_total_correlation",
                "item_total_low", "item_total_high", "agreement", "flags", "notes",
            ]
        ]
        let number = PositionReportCSV.plain
        for entry in report.questions {
            rows.append([
                "\(entry.id)", entry.text, "\(entry.setId)", entry.setTitle, "\(entry.setVersion)", "\(entry.scaleMin)", "\(entry.scaleMax)",
                "\(entry.asked)", "\(entry.rated)", number(entry.noSignalShare), number(entry.floorShare), number(entry.ceilingShare),
                number(entry.mean), number(entry.meanInterval?.low), number(entry.meanInterval?.high), number(entry.standardDeviation),
                number(entry.itemTotalCorrelation), number(entry.itemTotalInterval?.low), number(entry.itemTotalInterval?.high),
                number(entry.agreement), entry.flags.joined(separator: "; "), entry.notes.joined(separator: "; "),
            ])
        }
        return CSVDocument.render(rows)
    }
}
