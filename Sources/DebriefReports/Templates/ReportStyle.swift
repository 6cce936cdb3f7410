import Mustache

/// A report as one self-contained HTML file: the stylesheet inline, the report's section as its body.
enum ReportDocument {
    private static let template = ReportTemplate.parse(
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title><style>{{{css}}}</style></head>
        <body>{{{section}}}</body></html>
        """)

    /// `section` is HTML a report template rendered (every value in it escaped there).
    static func render(title: String, section: String) -> String {
        template.render(["title": title, "css": ReportStyle.css, "section": section])
    }
}

/// The stylesheet every HTML report inlines: readable on screen, printable to PDF from a browser.
public enum ReportStyle {
    /// The CSS, also used by the web app's own pages so they look like the reports they lead to.
    public static let css = """
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 2rem auto; max-width: 66rem; padding: 0 1rem; }
        h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d8dde6; }
        .meta { color: #5b6475; } .flag { color: #a3361b; font-weight: 600; } .ok { color: #226b3c; }
        table { border-collapse: collapse; width: 100%; margin: .6rem 0; } th, td { padding: .3rem .45rem; border-bottom: 1px solid #e3e7ee; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .scroll { overflow-x: auto; max-width: 100%; }
        .score { font-size: 2.2rem; font-weight: 700; } .cards { display: flex; gap: 2rem; flex-wrap: wrap; }
        svg { max-width: 100%; height: auto; } svg .bar { fill: #3e6fd8; } svg .bar.negative { fill: #d8703e; }
        svg .grid { stroke: #e3e7ee; } svg .axis { stroke: #5b6475; } svg text { font: 12px system-ui, sans-serif; fill: #1d2330; }
        svg .tick, svg .none { fill: #5b6475; } blockquote { margin: .4rem 0; padding-left: .8rem; border-left: 3px solid #d8dde6; color: #3a4252; }
        ul.flags { margin: 0; padding: 0; list-style: none; } ul.flags li + li { margin-top: .3rem; }
        details.meta summary { cursor: pointer; } details.meta ul { margin: .2rem 0; padding-left: 1.1rem; }
        @media (max-width: 40rem) {
          table.stack thead { display: none; } table.stack tr { display: flex; flex-direction: column; border-bottom: 2px solid #d8dde6; padding: .4rem 0; }
          table.stack td { display: flex; justify-content: space-between; gap: 1rem; border: 0; padding: .15rem 0; text-align: right; overflow-wrap: anywhere; }
          table.stack pre { white-space: pre-wrap; }
          table.stack td::before { content: attr(data-label); color: #5b6475; text-align: left; flex: none; overflow-wrap: normal; }
          table.stack td.lead { display: block; text-align: left; order: -1; } table.stack td.lead > a { font-weight: 600; }
          table.stack td.lead::before, table.stack td[data-label="#"] { display: none; }
          table.stack td:empty { display: none; }
        }
        @media print {
          body { margin: 0; max-width: none; font-size: 11pt; } a { color: inherit; text-decoration: none; }
          section.candidate { break-after: page; } tr, svg, blockquote { break-inside: avoid; } h2 { break-after: avoid; }
          .scroll { overflow: visible; } table { font-size: 9pt; } th { font-size: 8pt; } th, td { padding: .2rem .3rem; } table td { overflow-wrap: anywhere; }
        }
        """
}
