// What a theme file says that deckpdf skips: warnings that point into the
// theme file itself, printed as a compiler does with the line and a caret.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "source/diagnostic.h"
#include "style/style.h"
#include "support/paths.h"

using namespace deckpdf;

namespace {

// The theme at `path` loaded; its diagnostics printed (without colour).
std::string load_printed(const std::string& path, Diagnostics& diags) {
  std::string error;
  auto theme = style::theme_load(test::source_dir() + "/layouts", path, error, diags);
  REQUIRE(theme);
  Source deck("deck.pug", "");
  std::string out;
  for (const Diagnostic& d : diags.items()) {
    REQUIRE(d.file);
    CHECK(d.severity == Severity::Warning);
    out += diagnostic_format(deck, d, false);
  }
  return out;
}

}  // namespace

TEST_CASE("theme warnings: the place of a bad selector, of trailing text, of a bad value",
          "[style]") {
  std::string dir = test::temp_dir() + "/bad-theme";
  std::filesystem::create_directories(dir);
  // Each problem follows a line that a rule ends: the old warnings named
  // the line before.
  std::string css =
      "h1 { color: red }\n"
      "p { color: blue }\n"
      "  a:hover { color: green }\n"
      ":root {\n"
      "  --slide-width: wide;\n"
      "}\n"
      "p { }\n"
      "\n"
      "  trailing\n";
  std::string expected = dir +
                         "/bad.css:3:3: warning: selector 'a:hover' is not supported; its rule is "
                         "ignored [theme.unsupported-selector]\n"
                         " 3 |   a:hover { color: green }\n"
                         "   |   ^\n" +
                         dir +
                         "/bad.css:9:3: warning: text after the last rule is ignored "
                         "[theme.trailing-text]\n"
                         " 9 |   trailing\n"
                         "   |   ^\n" +
                         dir +
                         "/bad.css:5:3: warning: --slide-width: 'wide' is not a length "
                         "[theme.bad-value]\n"
                         " 5 |   --slide-width: wide;\n"
                         "   |   ^\n";
  test::write_file(dir + "/bad.css", css);
  Diagnostics diags;
  CHECK(load_printed(dir + "/bad.css", diags) == expected);
  CHECK(diags.has_code("theme.unsupported-selector"));

  SECTION("with CRLF line ends, and a comment before the rule") {
    std::string crlf;
    for (char c : "/* a\ncomment */ " + css) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    test::write_file(dir + "/crlf.css", crlf);
    Diagnostics crlf_diags;
    std::string printed = load_printed(dir + "/crlf.css", crlf_diags);
    // One line further down, the first rule after the comment.
    CHECK(printed.find("/crlf.css:4:3: warning: selector 'a:hover'") != std::string::npos);
    CHECK(printed.find(" 4 |   a:hover { color: green }\n   |   ^\n") != std::string::npos);
    CHECK(printed.find("/crlf.css:10:3: warning: text after the last rule") != std::string::npos);
  }
}

TEST_CASE("theme warnings: an @import that leaves the folder, one in an imported file", "[style]") {
  std::string dir = test::temp_dir() + "/import-theme";
  std::filesystem::create_directories(dir + "/sub");
  test::write_file(dir + "/sub/escape.css",
                   "p { }\n"
                   "/* first */ @import \"../../../../etc/x\";\n");
  Diagnostics diags;
  CHECK(load_printed(dir + "/sub/escape.css", diags) ==
        dir +
            "/sub/escape.css:2:13: warning: @import \"../../../../etc/x\" is outside the "
            "theme's folder and layouts/; it is ignored [theme.import-refused]\n"
            " 2 | /* first */ @import \"../../../../etc/x\";\n"
            "   |             ^\n");

  // A problem in an imported file points into that file; a missing import
  // at the @import that names it.
  test::write_file(dir + "/base.css", "\n\np:focus { }\n");
  test::write_file(dir + "/mine.css", "@import \"base\";\n@import \"gone.css\";\n");
  Diagnostics nested;
  std::string printed = load_printed(dir + "/mine.css", nested);
  CHECK(printed.find(dir + "/base.css:3:1: warning: selector 'p:focus'") != std::string::npos);
  CHECK(printed.find(dir + "/mine.css:2:1: warning: cannot read theme 'gone.css'") !=
        std::string::npos);
  CHECK(nested.has_code("theme.import-unreadable"));
}
