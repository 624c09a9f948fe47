# Copyright: contributors to asyncjobs.fleet
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The rollout report's templates (playbooks/templates/rollout_report.{md,html}.j2) with a hostile
value in every field a manager can fill.

They are rendered with plain Jinja2 as Ansible's template module sets it up (trim_blocks). The
HTML template's autoescape block is dropped first (ansible-core 2.19 ignores it), so the explicit
escaping must hold on its own, and kept once, so nothing is escaped twice where it is honoured.
The HTML is parsed back and each cell must read exactly the value given; the Markdown tables must
keep their column count row by row and each cell must unescape to the value (line breaks folded).
tests/integration/test_rollout_report.py renders them through ansible-runner against the lab."""

from __future__ import annotations

import html.parser
import pathlib
import re

import jinja2
import pytest

REPO = pathlib.Path(__file__).resolve().parents[1].parent
TEMPLATES = REPO / "playbooks" / "templates"

HOSTILE = "<script>alert('x')</script> | a\nb\r\nc `d` *e* _f_ [g](h) &amp; ~~i~~ \\| {{ j }}"


def hostile(tag):
    # Starting with markup that would make a heading or a list item if a value began a line.
    return "# - %s %s" % (tag, HOSTILE)


def summary(source="runs", version=True):
    return {
        "version": hostile("version") if version else None,
        "source": source,
        "window": {"submitted_after": hostile("since"), "submitted_before": "", "operation": hostile("operation")},
        "totals": {"targeted": 7, "updated": 3, "failed": 2, "unfinished": 2, "not_at_version": 4 if version else None,
                   "jobs": 2, "runs": 2 if source == "runs" else None, "resubmissions": 1},
        "versions": {hostile("fw"): 3, "2.1.0": 4},
        "errors": [{"message": hostile("error"), "codes": ["2105", hostile("code")], "count": 2,
                    "devices": [hostile("dev1"), hostile("dev2")]}],
        "waves": [{"label": hostile("label"), "run": hostile("run"), "id": hostile("id"), "state": hostile("state"),
                   "targets": 5, "succeeded": None, "failed": 2, "submitted": hostile("submitted"), "completed": None}],
        "not_at_version": [hostile("late")],
        "unknown_devices": [hostile("gone")],
        "generated": hostile("generated"),
    }


def render(name, report, autoescape_block=False):
    """The template rendered; ``autoescape_block`` False drops its autoescape block first, as
    ansible-core 2.19's template module ignores it (True: as Jinja2 itself and older cores honour it)."""
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    if not autoescape_block:
        source = re.sub(r"\{%-?\s*(autoescape\s+true|endautoescape)\s*-?%\}", "", source)
    env = jinja2.Environment(trim_blocks=True, undefined=jinja2.StrictUndefined)
    return env.from_string(source).render(report=report)


class Tables(html.parser.HTMLParser):
    """Cell texts of every table row, by table id; every start tag seen."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.tags, self.table, self.row, self.cell = {}, [], None, None, None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "table":
            self.table = self.tables.setdefault(dict(attrs).get("id"), [])
        elif tag == "tr":
            self.row = []
            self.table.append(self.row)
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.row.append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


@pytest.mark.parametrize("autoescape_block", [False, True], ids=["autoescape ignored", "autoescape honoured"])
@pytest.mark.parametrize("source", ["runs", "window", "job_ids"])
def test_html_shows_every_hostile_value_as_text(source, autoescape_block):
    # Read back exactly: escaped once, whether or not the autoescape block is honoured.
    report = summary(source)
    page = render("rollout_report.html.j2", report, autoescape_block)
    parsed = Tables()
    parsed.feed(page)
    assert "script" not in parsed.tags and "a" not in parsed.tags
    assert set(parsed.tags) <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table", "tr", "th", "td"}
    tables = parsed.tables
    assert [len(row) for row in tables["errors"]] == [4, 4]
    assert tables["errors"][1] == [hostile("error"), "2105, " + hostile("code"), "2", hostile("dev1") + ", " + hostile("dev2")]
    assert tables["versions"][1:] == [[hostile("fw"), "3"], ["2.1.0", "4"]]
    assert tables["waves"][1] == [hostile("label"), hostile("run"), hostile("id"), hostile("state"), "5", "-", "2",
                                  hostile("submitted"), ""]
    assert tables["totals"][1] == ["7", "3", "2", "2", "4", "2", "2" if source == "runs" else "-", "1"]
    assert html.unescape(page).count(HOSTILE) >= 12  # every field, read back whole


def md_cells(line):
    """The cells of a Markdown table row: split on | not escaped with a backslash."""
    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def md_unescape(text):
    text = re.sub(r"\\(.)", r"\1", text.strip())
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def folded(text):
    return text.replace("\r", " ").replace("\n", " ")


@pytest.mark.parametrize("source", ["runs", "window", "job_ids"])
def test_markdown_tables_keep_their_columns_and_values(source):
    text = render("rollout_report.md.j2", summary(source))
    assert "<" not in text and ">" not in text  # no HTML reaches a viewer that renders it
    lines = text.splitlines()
    tables = []
    for index, line in enumerate(lines):
        if line.startswith("|") and (index == 0 or not lines[index - 1].startswith("|")):
            tables.append([])
        if line.startswith("|"):
            tables[-1].append(md_cells(line))
    widths = [[len(row) for row in table] for table in tables]
    assert widths == [[8, 8, 8], [2, 2, 2, 2], [4, 4, 4], [9, 9, 9]]
    errors = tables[2][2]
    assert [md_unescape(c) for c in errors] == [folded(hostile("error")), "2105, " + folded(hostile("code")), "2",
                                                folded(hostile("dev1") + ", " + hostile("dev2"))]
    wave = tables[3][2]
    assert [md_unescape(c) for c in wave] == [folded(hostile(k)) for k in ("label", "run", "id", "state")] + [
        "5", "-", "2", folded(hostile("submitted")), ""]
    # No value starts a line: the only headings are the template's own, and nothing else
    # starts a list, a quote or an indented block.
    headings = [line for line in lines if line.startswith("#")]
    own = ["# Firmware rollout report: ", "## Totals", "## Per version", "## Per error", "## Per wave", "## Not at "]
    assert len(headings) == len(own) and all(h.startswith(o) for h, o in zip(headings, own)), headings
    assert [line for line in lines if re.match(r"\s*([>*+-]|\d+\.)(\s|$)|\s{4}", line)] == []


def test_markdown_without_a_version_or_failures():
    report = dict(summary("window", version=False), errors=[], versions={}, unknown_devices=[])
    text = render("rollout_report.md.j2", report)
    assert "| (no failed device) | | 0 | |" in text and "| (no device read) | 0 |" in text
    assert "## Not at" not in text and "no longer knows" not in text


def expressions(name):
    """The {{ ... }} expressions of a template, outside its macro definitions."""
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    source = re.sub(r"\{%-?\s*macro.*?endmacro\s*-?%\}", "", source, flags=re.S)
    return [e.strip() for e in re.findall(r"\{\{(.*?)\}\}", source, flags=re.S)]


def test_every_html_expression_is_escaped():
    found = expressions("rollout_report.html.j2")
    assert len(found) > 30
    assert [e for e in found if not re.search(r"\|\s*e$", e)] == []


def test_every_markdown_expression_goes_through_the_escaping_macros():
    found = expressions("rollout_report.md.j2")
    assert len(found) > 25
    assert [e for e in found if not re.match(r"^(md|n)\(", e)] == []
