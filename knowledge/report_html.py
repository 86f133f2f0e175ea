"""A result as a standalone HTML page: the picture, the levels, the whole audit trail and the gaps.

Why: employees show results to employers and HR keeps them on file; a single HTML file opens anywhere,
prints to PDF from any browser, and carries every rule evaluated with its conditions, values and
thresholds, so a reader can check the levels without the advisor. The share code at the bottom
reproduces the same result (`advisor assess --code`).
"""

from __future__ import annotations

import base64
from html import escape
from typing import Any, Literal

from knowledge.report import ROUTE_LABELS, gap_lines

Lang = Literal["zh", "en"]

_STYLE = """
body{font-family:"Noto Sans CJK TC","Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;margin:2em auto;
max-width:60em;color:#222;line-height:1.5}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.3em .5em;
text-align:left;vertical-align:top}th{background:#f3f3f3}.met{color:#17803d}.unmet{color:#b42318}
img{max-width:100%}footer{color:#666;font-size:.9em;margin-top:2em}
"""


def _chart_img(result: dict[str, Any], lang: Lang) -> str:
    from knowledge.chart_png import render_png
    from knowledge.result_chart import chart_of

    png = render_png(chart_of(result), lang)
    return f'<img alt="chart" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def _conditions(rule: dict[str, Any]) -> str:
    parts = []
    for c in rule["conditions"]:
        mark = "✓" if c["met"] else "✗"
        parts.append(f"{escape(c['what'])}：{c['value']:g}／{c['threshold']:g} {escape(c['unit'])} {mark}")
    return "<br>".join(parts)


def render_html(result: dict[str, Any], share_code: str | None = None, lang: Lang = "zh") -> str:
    """The page; the text parts follow `knowledge.report` so the page and the chat say the same."""
    title = f"AI 產業人才能力自我評估結果（指引 {escape(result['guideline_version'])}）"
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-Hant"><head><meta charset="utf-8">',
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
        f"<p>{escape(result['summary'])}</p>",
        _chart_img(result, lang),
        "<h2>等級</h2><table><tr><th>能力類型</th><th>等級</th><th>下一級尚缺</th></tr>",
    ]
    for t in result["types"]:
        gaps = "<br>".join(escape(line.strip()) for line in gap_lines(t, lang=lang)) or "—"
        out.append(
            f"<tr><td>{escape(t['number'])}、{escape(t['type'])}</td><td>{escape(t['level'])}</td><td>{gaps}</td></tr>"
        )
    out.append("</table><h2>判定依據（每條規則的條件、數值與門檻）</h2>")
    out.append(
        "<table><tr><th>規則</th><th>能力類型・等級</th><th>途徑</th><th>規則內容</th><th>條件</th><th>結果</th></tr>"
    )
    for t in result["types"]:
        for r in t["rules"]:
            cls, mark = ("met", "符合") if r["met"] else ("unmet", "未符合")
            out.append(
                f"<tr><td>{escape(r['id'])}</td><td>{escape(t['type'])}・{escape(r['level'])}</td>"
                f"<td>{ROUTE_LABELS[r['route']]}</td><td>{escape(r['rule'])}</td><td>{_conditions(r)}</td>"
                f'<td class="{cls}">{mark}</td></tr>'
            )
    out.append("</table>")
    if result["certifications"]:
        out.append("<h2>列入計算的證照</h2><ul>")
        for c in result["certifications"]:
            extra = "（自填）" if c["self_declared"] else f"（{escape(c['issuer'] or '')}）"
            domain = f"・{escape(c['tool_domain'])}" if c["tool_domain"] else ""
            out.append(f"<li>{escape(c['name'])}{extra}：{escape(c['category'])}{domain}</li>")
        out.append("</ul>")
    policy = "任一途徑達成即可" if result["policy"] == "either" else "證照與受訓時數兩途徑皆需達成"
    out.append(f"<footer><p>判定方式：{policy}。出處：{escape(result['source'])}、附件(三) 表6。</p>")
    if share_code:
        code = escape(share_code)
        out.append(f"<p>分享碼：<code>{code}</code>（重現：<code>advisor assess --code {code}</code>）</p>")
    out.append("</footer></body></html>")
    return "\n".join(out) + "\n"
