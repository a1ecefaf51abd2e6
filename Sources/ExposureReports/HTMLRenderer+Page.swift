import ExposureAudit
import ExposureDrawing

extension HTMLRenderer {
    /// What the drawing's colours and strokes mean.
    static let legend = """
        <ul class="legend">
        <li><span class="swatch tone-critical"></span>critical</li><li><span class="swatch tone-high"></span>high</li><li><span class="swatch tone-medium"></span>medium</li><li><span class="swatch tone-low"></span>low</li><li><span class="swatch tone-info"></span>info</li><li><span class="swatch tone-unrated"></span>no finding rates it</li>
        <li><svg width="40" height="10" aria-hidden="true"><line class="sample open" x1="0" y1="5" x2="40" y2="5"/></svg>reachable</li>
        <li><svg width="40" height="10" aria-hidden="true"><line class="sample unknown" x1="0" y1="5" x2="40" y2="5"/></svg>unknown</li>
        <li><svg width="40" height="10" aria-hidden="true"><line class="sample gap" x1="0" y1="5" x2="40" y2="5"/></svg>egress gap or partial return to S3</li>
        <li><svg width="40" height="10" aria-hidden="true"><line class="sample gap unknown" x1="0" y1="5" x2="40" y2="5"/></svg>way to S3 unknown</li>
        <li><svg width="40" height="10" aria-hidden="true"><line class="sample link" x1="0" y1="5" x2="40" y2="5"/></svg>attachment or peering</li>
        <li><span class="swatch public"></span>public subnet</li><li><span class="swatch private"></span>private subnet</li><li><span class="swatch unknownsubnet"></span>public or private unknown</li>
        </ul>
        <p class="hint">Select a row of the tables above and below to highlight its lines; hover a box or line for everything it stands for.</p>
        """

    /// The page's style: readable tables, the drawing's colours (each severity at least 4.5:1
    /// against white), and the highlight.
    static let style = ":root{" + Severity.allCases.map { "--\($0.rawValue):\(DiagramPalette.colour(of: $0))" }.joined(separator: ";")
        + ";--unrated:\(DiagramPalette.colour(of: nil));--link:\(DiagramPalette.link);--ink:#111827;--quiet:#6b7280}\n" + """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);margin:0 auto;padding:16px 24px;max-width:1840px}
        h1{font-size:20px;margin:0}h2{font-size:18px;margin:24px 0 4px;border-bottom:2px solid #e5e7eb}h3{font-size:15px;margin:18px 0 6px}h4{font-size:14px;margin:10px 0 4px}
        code{font:12px "DejaVu Sans Mono",Menlo,Consolas,ui-monospace,monospace}small{color:var(--quiet)}
        .gate,.scope,.quiet,.hint{color:var(--quiet);margin:4px 0}
        .cards{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}.card{border:1px solid #d1d5db;border-radius:6px;padding:4px 10px;background:#fff}.card b{font-size:18px;margin-right:4px}
        .card.none{color:var(--quiet)}.card.failing{border-color:var(--critical);color:var(--critical)}.card.unknown{border-color:var(--unrated);color:var(--unrated)}
        .card.sev-critical{border-color:var(--critical);color:var(--critical)}.card.sev-high{border-color:var(--high);color:var(--high)}.card.sev-medium{border-color:var(--medium);color:var(--medium)}.card.sev-low{border-color:var(--low);color:var(--low)}.card.sev-info{border-color:var(--info);color:var(--info)}
        ul.zones{list-style:none;display:flex;flex-wrap:wrap;gap:4px 18px;padding:0;margin:4px 0}details.more>summary{cursor:pointer;color:var(--quiet)}
        table{border-collapse:collapse;margin:6px 0 10px;width:100%}caption{text-align:left;font-weight:600;padding:2px 0}
        th,td{border:1px solid #e5e7eb;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f3f4f6;font-weight:600}
        table.glance{font-size:13px;line-height:1.3}table.glance code{font-size:11px}
        tr[data-lines]{cursor:pointer}tr[data-lines]:hover,tr[data-lines]:focus{background:#fef3c7;outline:none}tr.selected{background:#fde68a}
        .badge{display:inline-block;border-radius:3px;padding:0 5px;color:#fff;font-size:12px;font-weight:600}
        .badge.sev-critical{background:var(--critical)}.badge.sev-high{background:var(--high)}.badge.sev-medium{background:var(--medium)}.badge.sev-low{background:var(--low)}.badge.sev-info{background:var(--info)}.badge.sev-unrated{background:var(--unrated)}
        .unknown-tag{color:var(--unrated);font-weight:600;font-size:12px}
        .finding{border-left:4px solid var(--info);padding:2px 10px;margin:8px 0;background:#fafafa}
        .finding.sev-critical{border-color:var(--critical)}.finding.sev-high{border-color:var(--high)}.finding.sev-medium{border-color:var(--medium)}.finding.sev-low{border-color:var(--low)}
        .finding:target{background:#fef3c7}dl{margin:4px 0}dt{font-weight:600;float:left;width:72px;clear:left}dd{margin:0 0 2px 80px}dd ul{margin:0;padding-left:18px}
        .verdict-reachable{color:var(--critical)}.verdict-unknown{color:var(--unrated)}ol.path{margin:2px 0 6px;padding-left:28px}
        details.exposure{margin:2px 0 2px 12px}details.exposure p{margin:2px 0}
        figure.drawing{margin:6px 0;overflow-x:auto;border:1px solid #e5e7eb;border-radius:6px;background:#fff}
        svg.network{display:block;max-width:100%;height:auto}
        svg.network text{font-family:"DejaVu Sans Mono",Menlo,Consolas,ui-monospace,monospace;fill:var(--ink)}
        svg.network text.title{font-size:12px;font-weight:700}svg.network text.subtitle{font-size:11px;fill:#374151}
        .box rect{fill:#fff;stroke:#6b7280;stroke-width:1}
        .box.vpc rect{fill:#f9fafb;stroke:#374151;stroke-width:1.5}
        .box.subnet.public rect{fill:#fff7ed;stroke:#c2410c;stroke-dasharray:5 3}.box.subnet.private rect{fill:#eff6ff;stroke:#64748b}
        .box.origin rect{stroke:#111827;stroke-width:1.5}.box.edge rect{fill:#f3f4f6;stroke:#374151}
        .box.exposed rect{stroke-width:2}.box.undecided rect{stroke:var(--unrated);stroke-dasharray:4 2;stroke-width:1.5}
        .box rect.bar{stroke:none}
        .tone-critical{--tone:var(--critical)}.tone-high{--tone:var(--high)}.tone-medium{--tone:var(--medium)}.tone-low{--tone:var(--low)}.tone-info{--tone:var(--info)}.tone-unrated{--tone:var(--unrated)}.tone-link{--tone:var(--link)}
        .box.exposed rect{stroke:var(--tone)}.box.exposed rect.bar{fill:var(--tone)}.box.cutoff rect{stroke:var(--tone);stroke-width:2;stroke-dasharray:6 3}
        marker path{fill:var(--tone)}
        .line polyline{fill:none;stroke-linejoin:round}.line .halo{stroke:#fff;stroke-width:6;opacity:.9}
        .line .stroke{stroke:var(--tone);stroke-width:2.5}.line.unknown .stroke{stroke-dasharray:10 4 2 4}.line.gap .stroke{stroke-dasharray:7 5}.line.gap.unknown .stroke{stroke-dasharray:2 4}
        .box.subnet.unknownsubnet rect{fill:#faf5ff;stroke:var(--unrated);stroke-dasharray:2 3}
        .line.link .stroke{stroke-width:1.5}.line.link .halo{stroke-width:3}
        svg.network.focus .line:not(.selected){opacity:.15}.line.selected .stroke{stroke-width:5}
        ul.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;margin:4px 0;color:#374151;font-size:13px}
        ul.legend li{display:flex;align-items:center;gap:5px}.swatch{display:inline-block;width:14px;height:14px;border-radius:3px;background:var(--tone)}
        .swatch.public{background:#fff7ed;border:1px dashed #c2410c}.swatch.private{background:#eff6ff;border:1px solid #64748b}.swatch.unknownsubnet{background:#faf5ff;border:1px dotted var(--unrated)}
        line.sample{stroke-width:2.5;stroke:var(--ink)}line.sample.unknown{stroke-dasharray:10 4 2 4}line.sample.gap{stroke-dasharray:7 5}line.sample.gap.unknown{stroke-dasharray:2 4}line.sample.link{stroke:var(--link);stroke-width:1.5}
        footer{margin:24px 0 8px;color:var(--quiet);font-size:12px}
        @media print{tr[data-lines]{cursor:auto}figure.drawing{overflow:visible}}
        """

    /// Selecting a row (click, Enter or Space) highlights its lines in its drawing and dims
    /// the rest; selecting it again clears the highlight.
    static let script = """
        (function(){
        function select(row){
          var report=row.closest('.report');if(!report)return;
          var svg=report.querySelector('svg.network');var on=!row.classList.contains('selected');
          report.querySelectorAll('.selected').forEach(function(e){e.classList.remove('selected');});
          if(svg)svg.classList.toggle('focus',on);
          if(!on)return;
          row.classList.add('selected');
          row.getAttribute('data-lines').split(' ').forEach(function(id){var l=document.getElementById(id);if(l)l.classList.add('selected');});
        }
        document.addEventListener('click',function(e){if(e.target.closest('a'))return;var row=e.target.closest('tr[data-lines]');if(row)select(row);});
        document.addEventListener('keydown',function(e){if(e.key!=='Enter'&&e.key!==' ')return;var row=e.target.closest&&e.target.closest('tr[data-lines]');if(row){e.preventDefault();select(row);}});
        })();
        """
}
