"""Real PDF and DOCX résumés of made-up people, built by fpdf2 and python-docx in the test run.

Each person's résumé text is given here once; the builders lay it out as a PDF (one column,
or a sidebar beside the main column) or a DOCX (paragraphs, bullets, a layout table).
"""

from __future__ import annotations

from pathlib import Path

# Ana: data scientist, one-column PDF, bullets, "Jan 2019 - Mar 2021" and "03/2016-06/2019".
ANA_MAIN = """\
Ana Rivera
ana.rivera@example.com | Boston, MA

Summary
Senior data scientist with 8 years of Python and deep expertise in statistics.

Experience
Senior Data Scientist | Acme Health | Apr 2021 - Nov 2024
- Built churn models in Python and scikit-learn; deployed them with Docker on AWS
- Familiar with Kubernetes; ran A/B testing with the product team
Data Scientist | Acme Health | Jan 2019 - Mar 2021
- Forecasting demand with Python; presented results to executives
Data Analyst, Globex - 03/2016-06/2019
- SQL and Tableau dashboards for finance

Education
MSc in Statistics, University of Edinburgh, 2014 - 2015
BSc (Hons) Mathematics, University of Porto, 2010 - 2013

Skills
Expert: Python, SQL; Familiar: Spark
"""

# Ben: ML engineer; two columns: a sidebar (skills, education) beside the jobs.
BEN_SIDEBAR = """\
SKILLS
PyTorch (expert)
TensorFlow
Kubernetes
Advanced SQL
EDUCATION
Ph.D. in Physics
ETH Zurich, 2009 - 2013
B.S. in Physics
MIT, 2005 - 2009
"""
BEN_MAIN = """\
Ben Okafor
Lead Machine Learning Engineer

WORK EXPERIENCE
Lead Machine Learning Engineer
Nimbus AI, September 2020 to November 2024
* Leads a team of six building model serving on Kubernetes
* Designed the MLOps platform; PyTorch models in production
Machine Learning Engineer
Orbital Labs, 2014 - 2020
* Trained deep learning models with TensorFlow and PyTorch
* Wrote Spark jobs for feature engineering
"""

# Chloé: data engineer, DOCX with a layout table; en-dash dates and an MBA.
CHLOE_PARAGRAPHS = [
    ("Chloé Martin", None),
    ("Data Engineer · Lyon", None),
    ("Professional Experience", "Heading 1"),
    ("Data Engineer, Quantix — Sept 2021 – Oct 2024", None),
    ("Built Airflow pipelines feeding a Snowflake warehouse", "List Bullet"),
    ("5+ years of Python for ETL", "List Bullet"),
    ("Junior Data Engineer, Quantix — 2018.09 – 2021.08", None),
    ("Wrote dbt models and data quality checks", "List Bullet"),
    ("Education", "Heading 1"),
]
CHLOE_TABLE = [
    ["MBA, INSEAD", "2022 – 2023"],
    ["B.Tech in Computer Science, IIT Delhi", "2014 – 2018"],
]
CHLOE_AFTER = [("Skills", "Heading 1"), ("Python, SQL, Apache Airflow, dbt, Docker", None)]

# Dan: a nurse, outside data work; DOCX; his skills mostly are not data skills.
DAN_PARAGRAPHS = [
    ("Dan Kowalski, RN", None),
    ("Employment History", "Heading 1"),
    ("Charge Nurse, St Mary's Hospital", None),
    ("June 2015 - May 2023", None),
    ("Supervised a ward team of 12 nurses; rostering in Excel", "List Bullet"),
    ("Registered Nurse, City Clinic", None),
    ("Aug 2010 - Jul 2015", None),
    ("Education", "Heading 1"),
    ("Bachelor of Science in Nursing, University of Leeds, 2006 - 2010", None),
]

# Farah: no skill from the catalog at all (a pastry chef), plain text.
FARAH_TEXT = """\
Farah Haddad
Experience
Head Pastry Chef, Le Petit Four, 2017 - 2023
- Created seasonal dessert menus and trained apprentices
Education
BA in Culinary Arts, Johnson & Wales University, 2013 - 2016
"""


def _pdf(path: Path, columns: list[tuple[float, float, str]], pages: int = 1) -> Path:
    """A PDF with each (x, width, text) column written top to bottom, on each of `pages` pages."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    for _ in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for x, width, text in columns:
            pdf.set_xy(x, 15)
            for line in text.splitlines():
                pdf.set_x(x)
                pdf.multi_cell(width, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def _pdf_rows(path: Path, rows: list[tuple[str, str]], right_x: float, align: str = "L") -> Path:
    """A PDF drawn row by row: each row's left text, then its right text on the same line
    (a sidebar layout some CV builders write; or right-aligned dates with align="R")."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for k, (left, right) in enumerate(rows):
        y = 15 + k * 5
        pdf.set_xy(10, y)
        pdf.cell(right_x - 12, 5, left)
        if right:
            pdf.set_xy(right_x, y)
            pdf.cell(200 - right_x, 5, right, align=align)
    pdf.output(str(path))
    return path


def ben_rows_pdf(folder: Path) -> Path:
    """Ben's two columns drawn row by row, so that pypdf's text order mixes them."""
    left, right = BEN_SIDEBAR.splitlines(), BEN_MAIN.splitlines()
    rows = [(left[k] if k < len(left) else "", right[k] if k < len(right) else "") for k in range(len(right))]
    return _pdf_rows(folder / "ben-rows.pdf", rows, 75)


def ana_dates_right_pdf(folder: Path) -> Path:
    """Ana's one column with each job's dates right-aligned on its title's line."""
    rows = []
    for line in ANA_MAIN.splitlines():
        title, sep, dates = line.rpartition(" | ") if " | " in line else line.rpartition(" - ")
        if sep and any(ch.isdigit() for ch in dates):
            rows.append((title, dates))
        else:
            rows.append((line, ""))
    return _pdf_rows(folder / "ana-right.pdf", rows, 120, align="R")


def ana_pdf(folder: Path) -> Path:
    return _pdf(folder / "ana.pdf", [(15, 180, ANA_MAIN)])


def ben_pdf(folder: Path) -> Path:
    return _pdf(folder / "ben.pdf", [(10, 55, BEN_SIDEBAR), (75, 125, BEN_MAIN)])


def long_pdf(folder: Path, pages: int) -> Path:
    return _pdf(folder / f"long-{pages}.pdf", [(15, 180, ANA_MAIN)], pages=pages)


def blank_pdf(folder: Path) -> Path:
    """A 'scan': a page with a drawn shape and no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")
    path = folder / "scan.pdf"
    pdf.output(str(path))
    return path


def encrypted_pdf(folder: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(ana_pdf(folder)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = folder / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _docx(
    path: Path,
    paragraphs: list[tuple[str, str | None]],
    table: list[list[str]] | None = None,
    after: list[tuple[str, str | None]] | None = None,
) -> Path:
    import docx

    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    for text, style in after or []:
        document.add_paragraph(text, style=style)
    document.save(str(path))
    return path


def chloe_docx(folder: Path) -> Path:
    return _docx(folder / "chloe.docx", CHLOE_PARAGRAPHS, CHLOE_TABLE, CHLOE_AFTER)


def dan_docx(folder: Path) -> Path:
    return _docx(folder / "dan.docx", DAN_PARAGRAPHS)


# Ella: a DOCX whose sidebar is a text box (as many Word templates make), written by Word
# twice: once for new readers, once under mc:Fallback for old ones.
ELLA_PARAGRAPHS = [
    ("Ella Novak", None),
    ("Experience", "Heading 1"),
    ("BI Analyst, Northwind, Feb 2020 - Jan 2024", None),
    ("Weekly sales reporting for the board", "List Bullet"),
]
ELLA_BOX = [
    "Education",
    "MSc in Economics, Charles University, 2017 - 2019",
    "Skills",
    "Power BI (advanced)",
    "R",
]


def _text_box_xml(lines: list[str]) -> str:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paras = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    box = f"<w:txbxContent>{paras}</w:txbxContent>"
    return (
        f'<w:r xmlns:w="{w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx></mc:Choice>'
        f"<mc:Fallback><v:textbox>{box}</v:textbox></mc:Fallback></mc:AlternateContent></w:r>"
    )


def ella_docx(folder: Path) -> Path:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    anchor = document.add_paragraph("Ella Novak")
    anchor._p.append(parse_xml(_text_box_xml(ELLA_BOX)))
    for text, style in ELLA_PARAGRAPHS[1:]:
        document.add_paragraph(text, style=style)
    path = folder / "ella.docx"
    document.save(str(path))
    return path


def odt(folder: Path, lines: list[str]) -> Path:
    """An OpenDocument text: a zip holding content.xml with one text:p per line."""
    import zipfile
    from xml.sax.saxutils import escape

    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    body = "".join(f"<text:p>{escape(line)}</text:p>" for line in lines)
    path = folder / "cv.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            f"<office:document-content {ns}><office:body><office:text>{body}"
            "</office:text></office:body></office:document-content>",
        )
    return path
