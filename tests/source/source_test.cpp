#include "source/source.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "source/diagnostic.h"
#include "source/files.h"
#include "source/strings.h"

using namespace deckpdf;

TEST_CASE("line and column come from the line table, columns in code points", "[source]") {
  Source src("t.pug", "ab\nçé x\n\nlast");
  CHECK(src.line_count() == 4);
  CHECK(src.line_col(0).line == 1);
  CHECK(src.line_col(3).line == 2);
  CHECK(src.line_col(3).col == 1);
  // "çé " is 5 bytes but 3 characters: 'x' is column 4.
  LineCol x = src.line_col(static_cast<uint32_t>(std::string("ab\nçé ").size()));
  CHECK(x.line == 2);
  CHECK(x.col == 4);
  CHECK(src.line_text(2) == "çé x");
  CHECK(src.line_text(3).empty());
  CHECK(src.line_text(4) == "last");
}

TEST_CASE("CRLF and CR line ends read as LF with the same lines", "[source]") {
  Source crlf("t.pug", "a\r\nb\rc\r\n");
  CHECK(crlf.text() == "a\nb\nc\n");
  CHECK(crlf.line_text(3) == "c");
}

TEST_CASE("front matter: key/value pairs, quoted strings, body offset", "[source]") {
  Source src("t.pug", "---\nparser: pug\ntitle: \"A: talk\"\nauthor: 'O''Neil'\n---\nsection\n");
  Diagnostics diags;
  uint32_t body = 0;
  FrontMatter fm = source_parse_front_matter(src, diags, body);
  CHECK(fm.present);
  CHECK_FALSE(diags.has_errors());
  CHECK(fm.get("parser") == std::optional<std::string>("pug"));
  CHECK(fm.get("title") == std::optional<std::string>("A: talk"));
  CHECK(fm.get("author") == std::optional<std::string>("O'Neil"));
  CHECK(src.text().substr(body) == "section\n");
  CHECK(src.line_col(body).line == 6);
}

TEST_CASE("no front matter: the body starts at 0", "[source]") {
  Source src("t.pug", "section\n  h1 Hi\n");
  Diagnostics diags;
  uint32_t body = 99;
  FrontMatter fm = source_parse_front_matter(src, diags, body);
  CHECK_FALSE(fm.present);
  CHECK(body == 0);
}

TEST_CASE("unterminated front matter is an error at its first line", "[source]") {
  Source src("t.pug", "---\ntitle: x\nsection\n");
  Diagnostics diags;
  uint32_t body = 0;
  source_parse_front_matter(src, diags, body);
  REQUIRE(diags.has_errors());
  const Diagnostic& d = diags.items().front();
  CHECK(d.code == "source.unterminated-front-matter");
  CHECK(src.line_col(d.span.begin).line == 1);
  CHECK(src.line_col(d.span.begin).col == 1);
}

TEST_CASE("encoding: invalid UTF-8, NUL bytes and UTF-16 are reported where they are", "[source]") {
  SECTION("invalid byte") {
    Source src("t.pug", "h1 ok\nh2 b\xFFz\n");
    Diagnostics diags;
    CHECK_FALSE(source_check_encoding(src, diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == "source.invalid-utf8");
    CHECK(src.line_col(diags.items()[0].span.begin).line == 2);
    CHECK(src.line_col(diags.items()[0].span.begin).col == 5);
  }
  SECTION("overlong form") {
    Source src("t.pug", "a\xC0\xAF");
    Diagnostics diags;
    CHECK_FALSE(source_check_encoding(src, diags));
  }
  SECTION("NUL") {
    Source src("t.pug", std::string("ab\0c", 4));
    Diagnostics diags;
    CHECK_FALSE(source_check_encoding(src, diags));
    CHECK(diags.has_code("source.nul"));
  }
  SECTION("UTF-16") {
    Source src("t.pug", std::string("\xFF\xFEh\0", 4));
    Diagnostics diags;
    CHECK_FALSE(source_check_encoding(src, diags));
    CHECK(diags.has_code("source.utf16"));
  }
  SECTION("valid multilingual text") {
    Source src("t.pug", "h1 Ελληνικά עברית 中文 🎉\n");
    Diagnostics diags;
    CHECK(source_check_encoding(src, diags));
    CHECK(diags.items().empty());
  }
}

TEST_CASE("a diagnostic prints as file:line:col with the line and a caret", "[source]") {
  Source src("talk.pug", "section\n  h2(class=\"x\"\n");
  Diagnostic d{Severity::Error, "pug.unclosed-paren", "unclosed '('", {12, 13}};
  std::string out = diagnostic_format(src, d, /*color*/ false);
  CHECK(out ==
        "talk.pug:2:5: error: unclosed '(' [pug.unclosed-paren]\n"
        " 2 |   h2(class=\"x\"\n"
        "   |     ^\n");
}

TEST_CASE("string helpers: trim, ascii_lower, affixes ignoring case", "[source]") {
  CHECK(trim(" \t a b \r\n\f") == "a b");
  CHECK(trim("   ").empty());
  CHECK(trim("\xC2\xA0x") == "\xC2\xA0x");  // a no-break space is not ASCII white space
  CHECK(ascii_lower("MiXed ÇA") == "mixed Ça");
  CHECK(starts_with_nocase("HTTPS://x", "https:"));
  CHECK_FALSE(starts_with_nocase("ht", "https:"));
  CHECK(ends_with_nocase("talk.PUG", ".pug"));
  CHECK_FALSE(ends_with_nocase("talk.pugx", ".pug"));
}

TEST_CASE("files: whole-file reads and paths kept inside a folder", "[source]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "deckpdf-files-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  {
    std::FILE* f = std::fopen((dir / "sub" / "a.txt").c_str(), "wb");
    std::fputs("hello\nworld", f);
    std::fclose(f);
  }
  CHECK(file_read_all((dir / "sub" / "a.txt").string()) == std::string("hello\nworld"));
  CHECK_FALSE(file_read_all((dir / "sub" / "a.txt").string(), 4));  // past the limit
  CHECK_FALSE(file_read_all((dir / "sub").string()));               // a folder
  CHECK_FALSE(file_read_all((dir / "missing").string()));
  CHECK(path_inside("/a/b/c", "/a/b"));
  CHECK(path_inside("/a/b", "/a/b/"));
  CHECK_FALSE(path_inside("/a/bc", "/a/b"));
  CHECK_FALSE(path_inside("/a", "/a/b"));
  CHECK(path_resolve_inside(dir, "sub/a.txt") == fs::weakly_canonical(dir / "sub" / "a.txt"));
  CHECK_FALSE(path_resolve_inside(dir / "sub", "../x"));
  CHECK_FALSE(path_resolve_inside(dir / "sub", "/etc/passwd"));
  fs::create_symlink("/etc", dir / "sub" / "out");
  CHECK_FALSE(path_resolve_inside(dir / "sub", "out/passwd"));
  fs::remove_all(dir);
}

TEST_CASE("a diagnostic in another file names that file, its line and a caret", "[source]") {
  Source deck("talk.pug", "section\n  h2 Hi\n");
  auto theme = std::make_shared<const Source>("my.css", "h2 {\n  color: blu;\n}\n");
  Diagnostics diags;
  diags.warning(theme, {14, 17}, "style.bad-value", "'blu' is not a colour");
  diags.warning({10, 12}, "deck.x", "in the deck");
  REQUIRE(diags.items().size() == 2);
  CHECK(diagnostic_format(deck, diags.items()[0], false) ==
        "my.css:2:10: warning: 'blu' is not a colour [style.bad-value]\n"
        " 2 |   color: blu;\n"
        "   |          ^\n");
  CHECK(diagnostic_format(deck, diags.items()[1], false).rfind("talk.pug:2:3: warning:", 0) == 0);
}

namespace {

// The front matter's locals as JSON, and its diagnostics as "line:col message".
std::string locals_of(const std::string& front, std::vector<std::string>* errors = nullptr) {
  Source src("t.pug", "---\n" + front + "---\nsection\n");
  Diagnostics diags;
  uint32_t body = 0;
  FrontMatter fm = source_parse_front_matter(src, diags, body);
  CHECK(src.text().substr(body) == "section\n");
  for (const Diagnostic& d : diags.items()) {
    LineCol lc = src.line_col(d.span.begin);
    if (errors) {
      errors->push_back(std::to_string(lc.line) + ":" + std::to_string(lc.col) + " " + d.message);
    }
  }
  if (!errors) CHECK(diags.items().empty());
  return fm.locals_json;
}

}  // namespace

TEST_CASE("front matter locals: a YAML map read into JSON", "[source]") {
  CHECK(locals_of("title: x\n") == "");
  CHECK(locals_of("locals:\n  title: A: talk   # comment\n  n: -1.5e3\n  ok: true\n"
                  "  none: ~\n  q: \"x \\\"y\\\" \\u00e9 # not a comment\"\n  s: 'it''s'\n"
                  "  v: 1.2.3\n") ==
        R"({"title":"A: talk","n":-1.5e3,"ok":true,"none":null,"q":"x \"y\" é # not a comment",)"
        R"("s":"it's","v":"1.2.3"})");
  CHECK(locals_of("locals:\n  list: [a, 'b, c', 3]\n  none: []\n  empty: {}\n") ==
        R"({"list":["a","b, c",3],"none":[],"empty":{}})");
  CHECK(locals_of("locals:\n  xs:\n    - a\n    -\n      - b\n  ys:\n  - 1\n  - 2\n"
                  "  people:\n    - name: Ada\n      born: 1815\n    - name: Alan\n"
                  "  deep:\n    k:\n      v: 1\n  nothing:\ntheme: black\n") ==
        R"({"xs":["a",["b"]],"ys":[1,2],"people":[{"name":"Ada","born":1815},{"name":"Alan"}],)"
        R"("deep":{"k":{"v":1}},"nothing":null})");
}

TEST_CASE("front matter locals: what is not read is an error at its line", "[source]") {
  std::vector<std::string> errors;
  std::string json = locals_of(
      "locals:\n  a: 1\n  a: 2\n  b: [x, [y]]\n  c: {k: v}\n  d: *ref\n  e: \"open\n"
      "     f: 1\n  - item\n\tg: 1\n  noColon\n",
      &errors);
  CHECK(json == R"({"a":1,"b":["x",null],"c":null,"d":null,"e":null})");
  CHECK(errors ==
        std::vector<std::string>{
            "11:1 front matter locals: tabs in the indentation (YAML indents with spaces)",
            "4:3 front matter locals: 'a' is given twice",
            "5:10 front matter locals: lists and maps inside `[...]` are not read; write "
            "them as indented lines",
            "6:6 front matter locals: maps written `{a: 1}` are not read; write them as "
            "indented lines",
            "7:6 front matter locals: values starting with '*' (block scalars, anchors, "
            "aliases, tags) are not read; quote the text",
            "8:6 front matter locals: unterminated or malformed quoted string",
            "9:6 front matter locals: indented more than the line before it",
            "10:3 front matter locals: a list item among the names of a map",
            "12:3 front matter locals: expected `name: value`"});
  std::vector<std::string> inline_value;
  locals_of("locals: {a: 1}\n", &inline_value);
  CHECK(inline_value == std::vector<std::string>{"2:1 front matter locals: write the names on the "
                                                 "lines below `locals:`, indented"});
}

TEST_CASE("front matter locals: nesting and entries are bounded", "[source][limits]") {
  std::string deep = "locals:\n";
  for (int k = 1; k <= 40; ++k) deep += std::string(static_cast<size_t>(2 * k), ' ') + "k:\n";
  std::vector<std::string> errors;
  locals_of(deep, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("nested deeper than 16 levels") != std::string::npos);
  std::string many = "locals:\n  xs:\n";
  for (int k = 0; k < 10005; ++k) many += "    - 1\n";
  errors.clear();
  locals_of(many, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("more than 10000 entries") != std::string::npos);
}
