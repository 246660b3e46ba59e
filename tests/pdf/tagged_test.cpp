// --tagged: the structure tree read back (poppler's pdfinfo -struct-text,
// qpdf's QDF form of the file), and the PDF/UA-1 (ISO 14289-1) rules the
// tagging touches, each test naming its rule.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <regex>
#include <sstream>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

const char* const deck = R"(---
title: Tagged
---
section
  h1 Hello world
  p First paragraph with a #[a(href="https://example.com") link] inside.
section
  h2 Lists
  ul
    li Alpha
    li.fragment Beta
  ol
    li One
section
  h2 Table
  table
    tr
      th Name
      th Value
    tr
      td a
      td 1
  p(lang="he") שלום
section
  h2 Code
  pre: code(data-line-numbers="1|2").
    let x = 1;
    let y = 2;
  img(src="pic.png" alt="A red square")
  p.fragment.semi-fade-out Dimmed $x^2$
  aside.notes Spoken words.
)";

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  REQUIRE(pclose(p) == 0);
  return out;
}

// The deck exported with `extra` options; its path.
std::string export_tagged(const std::string& name, const std::string& extra,
                          std::string* err = nullptr) {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/deck.pug", deck);
  test::write_file(dir + "/pic.png",
                   test::read_file(test::source_dir() + "/fuzz/corpus/image/palette.png"));
  std::string out = dir + "/" + name + ".pdf";
  auto r = test::run_deckpdf("'" + dir + "/deck.pug' -o '" + out + "' --tagged " + extra);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  if (err) *err = r.err;
  REQUIRE(std::system(("qpdf --check '" + out + "' >/dev/null").c_str()) == 0);
  return out;
}

std::string struct_text(const std::string& pdf) {
  return run("pdfinfo -struct-text '" + pdf + "'");
}

// The file with every object readable: qpdf's QDF form.
std::string qdf(const std::string& pdf) {
  std::string out = pdf + ".qdf";
  REQUIRE(std::system(
              ("qpdf --qdf --object-streams=disable '" + pdf + "' '" + out + "'").c_str()) == 0);
  return test::read_file(out);
}

// The structure tree as lines "Role" and "\"text\"", indentation dropped.
std::vector<std::string> tree_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    size_t at = line.find_first_not_of(' ');
    if (at == std::string::npos) continue;
    line = line.substr(at);
    if (line.rfind("Object ", 0) == 0) continue;
    if (line[0] == '/') continue;  // an attribute of the element above ("/Scope /Column")
    size_t paren = line.find(" (");
    if (line[0] != '"' && paren != std::string::npos) line.resize(paren);
    if (line[0] != '"' && line.back() == ':') line.pop_back();  // "TH:", its attributes follow
    out.push_back(line);
  }
  return out;
}

// The text the tree reads per Sect, in tree order, squashed.
std::vector<std::string> sect_texts(const std::string& text) {
  std::vector<std::string> out;
  for (const std::string& l : tree_lines(text)) {
    if (l == "Sect") out.emplace_back();
    if (l[0] == '"' && !out.empty()) out.back() += l.substr(1, l.size() - 2) + " ";
  }
  for (std::string& s : out) s = test::squash_spaces(s);
  return out;
}

// The ASCII words of a text, lower case (headings are drawn in capitals,
// their /ActualText as typed).
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == ';' || c == '=') {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  return out;
}

// The objects of a QDF file whose text matches `re`.
std::vector<std::string> objects_matching(const std::string& file, const std::regex& re) {
  std::vector<std::string> out;
  size_t at = 0;
  while (true) {
    size_t begin = file.find(" obj\n", at);
    if (begin == std::string::npos) break;
    size_t end = file.find("\nendobj", begin);
    if (end == std::string::npos) break;
    std::string obj = file.substr(begin, end - begin);
    if (std::regex_search(obj, re)) out.push_back(obj);
    at = end;
  }
  return out;
}

}  // namespace

TEST_CASE("tagged: the structure tree reads each slide in document order", "[pdf][tagged]") {
  std::string pdf = export_tagged("slides", "");
  std::vector<std::string> sects = sect_texts(struct_text(pdf));
  // Screen reader order: the tagged text of each page is the slide's text
  // in document order (headings as drawn: the theme sets them in capitals).
  REQUIRE(sects.size() == 4);
  CHECK(sects[0] == "HELLO WORLD First paragraph with a link inside.");
  CHECK(sects[1] == "LISTS Alpha Beta 1. One");
  // The code where it stands (its line-highlight copies are drawn last),
  // the figure (its text is its /Alt), the dimmed paragraph (drawn through
  // a form) with its formula.
  CHECK(sects[3] == "CODE let x = 1; let y = 2; Dimmed x2");
  test::PdfDoc doc = test::pdf_read(pdf);
  REQUIRE(doc.pages.size() == 4);
  for (size_t i = 0; i < 4; ++i) {
    // What poppler reads off the page is what the tree reads: the same
    // words (ASCII ones: the Hebrew run is read in logical order by the
    // tree, visual off the page), the code's line numbers (artifacts) aside.
    std::vector<std::string> page = words(doc.pages[i].text), tagged = words(sects[i]);
    if (i == 3) {
      page.erase(std::remove_if(page.begin(), page.end(),
                                [](const std::string& w) { return w == "1" || w == "2"; }),
                 page.end());
    }
    CHECK(page == tagged);
  }
  std::vector<std::string> lines = tree_lines(struct_text(pdf));
  auto index_of = [&](const std::string& s) {
    return std::find(lines.begin(), lines.end(), s) - lines.begin();
  };
  CHECK(lines.front() == "Document");
  CHECK(index_of("H1") < index_of("P"));
  // Lists: L > LI > Lbl, LBody; the bullets are artifacts, numbers labels.
  CHECK(index_of("L") < index_of("LI"));
  CHECK(index_of("LI") < index_of("LBody"));
  CHECK(index_of("\"1. \"") == index_of("Lbl") + 1);
}

TEST_CASE("tagged: ISO 14289-1 7.5, tables are Table > TR > TH and TD", "[pdf][tagged]") {
  std::vector<std::string> lines = tree_lines(struct_text(export_tagged("table", "")));
  std::vector<std::string> roles;
  for (const std::string& l : lines) {
    if (l == "Table" || l == "TR" || l == "TH" || l == "TD") roles.push_back(l);
  }
  CHECK(roles == std::vector<std::string>{"Table", "TR", "TH", "TH", "TR", "TD", "TD"});
  // Each header cell says what it heads (Matterhorn 15-003): a header row's
  // cells head columns, a row's first header cell its row.
  std::string file = qdf(export_tagged("table-scope", ""));
  std::vector<std::string> th = objects_matching(file, std::regex("/S /TH"));
  REQUIRE(th.size() == 2);
  for (const std::string& cell : th) {
    CHECK(std::regex_search(cell, std::regex("/O /Table[\\s\\S]*/Scope /Column")));
  }
  std::string dir = test::temp_dir();
  test::write_file(dir + "/rows.pug",
                   "section\n  table\n    tr\n      th(scope='col') Name\n      th Value\n"
                   "    tr\n      th a\n      td 1\n");
  REQUIRE(
      test::run_deckpdf("'" + dir + "/rows.pug' --tagged -o '" + dir + "/rows.pdf'").exit_code ==
      0);
  std::string rows = qdf(dir + "/rows.pdf");
  CHECK(objects_matching(rows, std::regex("/Scope /Column")).size() == 2);
  CHECK(objects_matching(rows, std::regex("/Scope /Row")).size() == 1);
}

TEST_CASE("tagged: ISO 14289-1 7.1, all content is tagged or an artifact", "[pdf][tagged]") {
  for (const char* mode : {"", "--builds", "--handout", "--slide-numbers --builds"}) {
    INFO(mode);
    std::string file = qdf(export_tagged("content", mode));
    // Every page's content and every form: painting only inside marked
    // content, sequences balanced, none left open.
    std::vector<std::string> streams =
        objects_matching(file, std::regex("/Subtype /Form|^ obj\n<<\n  /Length"));
    size_t pages_content = 0;
    for (size_t at = 0; (at = file.find("%% Contents for page", at)) != std::string::npos; ++at) {
      size_t begin = file.find("stream\n", at), end = file.find("endstream", begin);
      streams.push_back(file.substr(begin, end - begin));
      ++pages_content;
    }
    REQUIRE(pages_content > 0);
    size_t painted = 0;
    for (const std::string& s : streams) {
      int depth = 0;
      std::istringstream in(s);
      for (std::string line; std::getline(in, line);) {
        if (line.find("BDC") != std::string::npos || line.find("BMC") != std::string::npos) ++depth;
        // A form's Do is not content itself: its stream is checked as one.
        bool paints = std::regex_search(line, std::regex("(TJ|Tj|/[IE]m\\d+ Do|re f| S)$"));
        if (paints) ++painted;
        if (paints && depth == 0) FAIL("unmarked content: " << line);
        for (size_t k = 0; (k = line.find("EMC", k)) != std::string::npos; ++k) --depth;
        REQUIRE(depth >= 0);
      }
      CHECK(depth == 0);
    }
    CHECK(painted > 0);
  }
}

TEST_CASE("tagged: ISO 14289-1 7.1, /MarkInfo /Marked, /Tabs /S, /DisplayDocTitle",
          "[pdf][tagged]") {
  std::string file = qdf(export_tagged("catalog", ""));
  CHECK(std::regex_search(file, std::regex("/MarkInfo <<\\s*/Marked true")));
  CHECK(std::regex_search(file, std::regex("/DisplayDocTitle true")));
  CHECK(std::regex_search(file, std::regex("/StructTreeRoot \\d+ 0 R")));
  // 7.18.3: a page with annotations (the first: a link) orders tabs by
  // the structure; every page's marked content is in the parent tree.
  std::vector<std::string> pages = objects_matching(file, std::regex("/Type /Page\\b"));
  REQUIRE(pages.size() == 4);
  for (size_t i = 0; i < pages.size(); ++i) {
    CHECK((pages[i].find("/Tabs /S") != std::string::npos) == (i == 0));
    CHECK((pages[i].find("/Annots") != std::string::npos) == (i == 0));
    CHECK(pages[i].find("/StructParents") != std::string::npos);
  }
}

TEST_CASE("tagged: ISO 14289-1 7.18.5, links are Link elements with an OBJR and /Contents",
          "[pdf][tagged]") {
  std::string file = qdf(export_tagged("links", ""));
  std::vector<std::string> annots = objects_matching(file, std::regex("/Subtype /Link"));
  REQUIRE(annots.size() == 1);
  CHECK(std::regex_search(annots[0], std::regex("/StructParent \\d+")));
  // Its text, then where it goes.
  CHECK(annots[0].find("/Contents (link \\(open https://example.com\\))") != std::string::npos);
  std::vector<std::string> links = objects_matching(file, std::regex("/S /Link"));
  REQUIRE(links.size() == 1);
  CHECK(std::regex_search(links[0], std::regex("/Type /OBJR")));
}

TEST_CASE("tagged: ISO 14289-1 7.3, figures and formulas have alternate text, a missing alt warns",
          "[pdf][tagged]") {
  std::string err;
  std::string file = qdf(export_tagged("figures", "", &err));
  std::vector<std::string> figures = objects_matching(file, std::regex("/S /Figure"));
  REQUIRE(figures.size() == 1);
  CHECK(figures[0].find("/Alt (A red square)") != std::string::npos);
  std::vector<std::string> formulas = objects_matching(file, std::regex("/S /Formula"));
  REQUIRE(formulas.size() == 1);
  CHECK(formulas[0].find("/Alt (x^2)") != std::string::npos);
  CHECK(err.find("tagged.alt") == std::string::npos);
  // An img without alt: a warning at its line; alt="" is decoration.
  std::string dir = test::temp_dir();
  test::write_file(dir + "/a.pug",
                   "section\n  img(src=\"x.png\")\n  img(src=\"y.png\" alt=\"\")\n");
  auto r = test::run_deckpdf("'" + dir + "/a.pug' -o '" + dir + "/a.pdf' --tagged");
  CHECK(r.err.find("a.pug:2:3: warning: a picture without alt text") != std::string::npos);
  CHECK(r.err.find("a.pug:3:3: warning: a picture without alt") == std::string::npos);
}

TEST_CASE("tagged: RTL runs and other languages carry /Lang and their logical text",
          "[pdf][tagged]") {
  std::string file = qdf(export_tagged("lang", ""));
  std::vector<std::string> p = objects_matching(file, std::regex("/Lang \\(he\\)"));
  REQUIRE(p.size() == 1);
  // "שלום" in UTF-16BE: what a reader says, where the glyphs run right to left.
  CHECK(p[0].find("/ActualText <feff05e905dc05d505dd>") != std::string::npos);
}

TEST_CASE("tagged: build pages read each slide once, code steps once, notes after their slide",
          "[pdf][tagged]") {
  std::string slides = struct_text(export_tagged("s", ""));
  std::string builds_pdf = export_tagged("b", "--builds");
  CHECK(test::pdf_read(builds_pdf).pages.size() > 4);
  // The repeated layers of build pages are not read again, and the code
  // block is read once (its line-highlight steps change how its lines look).
  CHECK(sect_texts(struct_text(builds_pdf)) == sect_texts(slides));
  std::vector<std::string> lines = tree_lines(struct_text(export_tagged("h", "--handout")));
  auto note = std::find(lines.begin(), lines.end(), "Note");
  REQUIRE(note != lines.end());
  CHECK(*(note + 1) == "\"Spoken words.\"");
  CHECK(std::count(lines.begin(), note, "Sect") == 4);  // after its slide, the last
}

TEST_CASE("tagged: only with --tagged", "[pdf][tagged]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/d.pug", "section\n  h1 Hi\n  ul\n    li a bullet, an artifact\n");
  for (const char* opt : {"", "--tagged"}) {
    INFO(opt);
    auto r = test::run_deckpdf("'" + dir + "/d.pug' -o '" + dir + "/d.pdf' " + opt);
    REQUIRE(r.exit_code == 0);
    std::string file = qdf(dir + "/d.pdf");
    bool tagged = *opt != 0;
    CHECK((file.find("StructTreeRoot") != std::string::npos) == tagged);
    CHECK((file.find("MCID") != std::string::npos) == tagged);
    CHECK((file.find("/Artifact") != std::string::npos) == tagged);
  }
}

TEST_CASE("tagged: the seed, a wrapped capitalised heading and bulleted notes", "[pdf][tagged]") {
  std::string dir = test::temp_dir();
  std::string pdf = dir + "/beam.pdf", handout = dir + "/beam-handout.pdf";
  std::string seed = "'" + test::source_dir() + "/samples/beam.pug'";
  REQUIRE(test::run_deckpdf(seed + " --tagged -o '" + pdf + "'").exit_code == 0);
  REQUIRE(test::run_deckpdf(seed + " --tagged --handout -o '" + handout + "'").exit_code == 0);
  // Both lines of a heading drawn with /ActualText spans (text-transform).
  std::vector<std::string> sects = sect_texts(struct_text(pdf));
  REQUIRE(sects.size() == test::pdf_read(pdf).pages.size());
  CHECK(sects[2] == "PROCESSES AND MESSAGES");
  // Notes' bullets (Markdown list items) are no labels; the notes follow
  // their slide.
  std::vector<std::string> lines = tree_lines(struct_text(handout));
  CHECK(std::count(lines.begin(), lines.end(), "Lbl") == 0);
  CHECK(std::count(lines.begin(), lines.end(), "Note") > 0);
  CHECK(lines[1] == "Sect");
  CHECK(lines[4] == "Note");
}

TEST_CASE("tagged: a wrapped paragraph's lines and a code block's lines are read apart",
          "[pdf][tagged]") {
  // Wrapping drops the space between two lines, and a code block's lines
  // are separate runs: without a separator a reader hears "slideso".
  std::string dir = test::temp_dir();
  test::write_file(dir + "/wrap.pug",
                   "section\n"
                   "  p This is a long paragraph that must wrap across several lines on the "
                   "slide so that we can see how a reader joins the lines of one paragraph.\n"
                   "  pre: code.\n    line one\n    line two\n");
  std::string pdf = dir + "/wrap.pdf";
  REQUIRE(test::run_deckpdf("'" + dir + "/wrap.pug' --tagged -o '" + pdf + "'").exit_code == 0);
  std::vector<std::string> lines = tree_lines(struct_text(pdf));
  auto p = std::find(lines.begin(), lines.end(), "P");
  REQUIRE(p != lines.end());
  REQUIRE(p + 2 < lines.end());
  CHECK((p + 2)->front() == '"');  // the paragraph is read as more than one run
  const std::string file = qdf(pdf);
  // Every run of a wrapped line ends with the space wrapping dropped, and a
  // code line with a line break (a UTF-16 string: ...0065 000a for "e\n").
  std::smatch m;
  std::regex first_line("/ActualText \\((This is [^)]*)\\)");
  REQUIRE(std::regex_search(file, m, first_line));
  CHECK(m[1].str().back() == ' ');
  CHECK(file.find("006c0069006e00650020006f006e0065000a") != std::string::npos);  // "line one\n"
  // Untagged, nothing changes: no /ActualText for these plain runs.
  REQUIRE(test::run_deckpdf("'" + dir + "/wrap.pug' -o '" + dir + "/plain.pdf'").exit_code == 0);
  CHECK(qdf(dir + "/plain.pdf").find("/ActualText") == std::string::npos);
}
