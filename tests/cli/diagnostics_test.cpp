// Every diagnostic the command line promises, end to end through the real
// binary: the exact file:line:col (lines of the original file, front matter
// counted; columns in characters), the severity, the stable code, the exit
// code.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <string>

#include "support/paths.h"

using namespace deckpdf;

namespace {

// Writes `bytes` as NAME in the test folder and runs deckpdf on it, with
// --check unless `extra` says otherwise. Runs from the test folder, so
// diagnostics name the file as given: "NAME:line:col".
test::RunResult run_deck(const std::string& name, const std::string& bytes,
                         const std::string& extra = "--check") {
  test::write_file(test::temp_dir() + "/" + name, bytes);
  return test::run_deckpdf("'" + test::temp_dir() + "/" + name + "' " + extra);
}

// The header of a diagnostic: "PATH:LINE:COL: SEVERITY: ", PATH as the
// binary was given it (the test folder's path).
std::string at(const std::string& name, int line, int col, const std::string& severity = "error") {
  return test::temp_dir() + "/" + name + ":" + std::to_string(line) + ":" + std::to_string(col) +
         ": " + severity + ": ";
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

bool has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("a missing input is an I/O error naming the file and the reason", "[cli]") {
  std::string path = test::temp_dir() + "/missing.pug";
  auto r = test::run_deckpdf("'" + path + "'");
  CHECK(r.exit_code == 3);
  CHECK(r.err == "deckpdf: error: cannot open '" + path + "': No such file or directory\n");
}

TEST_CASE("a directory as input is an I/O error, not an empty deck", "[cli]") {
  auto r = test::run_deckpdf("'" + test::temp_dir() + "'");
  CHECK(r.exit_code == 3);
  CHECK(has(r.err, "it is a directory"));
  CHECK_FALSE(has(r.err, "no slides"));
}

TEST_CASE("invalid UTF-8 is reported at its byte, the column counted in characters", "[cli]") {
  // "  h1 Ελλά" is 9 characters (13 bytes) before the bad byte.
  auto r = run_deck("utf8.pug", "---\ntitle: t\n---\nsection\n  h1 Ελλά\xFFx\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("utf8.pug", 5, 10) + "invalid UTF-8: byte 0xFF"));
  CHECK(has(r.err, "[source.invalid-utf8]"));
  // The line is shown with U+FFFD in place of the byte, the caret under it.
  CHECK(has(r.err, " 5 |   h1 Ελλά\xEF\xBF\xBDx\n   |          ^\n"));
}

TEST_CASE("many invalid bytes: five are shown, the rest counted", "[cli]") {
  auto r = run_deck("utf8many.pug", "section\n  h1 \xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\n");
  CHECK(r.exit_code == 1);
  CHECK(count(r.err, "error: invalid UTF-8") == 5);
  CHECK(has(r.err, at("utf8many.pug", 2, 11, "note") + "3 more invalid UTF-8 bytes"));
}

TEST_CASE("UTF-16 input is an error at 1:1, with or without a byte-order mark", "[cli]") {
  SECTION("with a byte-order mark") {
    auto r = run_deck("utf16.pug", std::string("\xFF\xFEs\0e\0c\0", 8));
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, at("utf16.pug", 1, 1) + "the file is UTF-16"));
    CHECK(has(r.err, "[source.utf16]"));
  }
  SECTION("without one: the NUL bytes give it away") {
    auto r = run_deck("utf16le.pug", std::string("s\0e\0c\0", 6));
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, at("utf16le.pug", 1, 2) + "NUL byte: the file looks like UTF-16"));
  }
}

TEST_CASE("binary input is one error at its first NUL byte, not pages of noise", "[cli]") {
  // A PNG's first bytes: \r\n and \n end lines 1 and 2; the NUL starts line 3.
  auto r = run_deck("picture.pug", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("picture.pug", 3, 1) + "NUL byte: this looks like a binary file"));
  CHECK(count(r.err, "error:") == 1);
  // Raw control bytes never reach the terminal: NUL shows as U+2400.
  CHECK_FALSE(has(r.err, std::string("\0", 1)));
  CHECK(has(r.err, "\xE2\x90\x80"));
}

TEST_CASE("a NUL byte inside a deck is reported where it is", "[cli]") {
  auto r = run_deck("nul.pug", std::string("section\n  h1 a\0b\n", 17));
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("nul.pug", 2, 7) + "NUL byte"));
  CHECK(has(r.err, "[source.nul]"));
}

TEST_CASE("an empty deck has no slides", "[cli]") {
  auto r = run_deck("empty.pug", "");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("empty.pug", 1, 1) + "the deck has no slides"));
  CHECK(has(r.err, "[deck.no-slides]"));
}

TEST_CASE("a deck of front matter only has no slides, reported at its first line", "[cli]") {
  auto r = run_deck("frontonly.pug", "---\ntitle: Only this\n---\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("frontonly.pug", 1, 1) + "the deck has only front matter, no slides"));
}

TEST_CASE("a deck with content but no section has no slides, at the body's start", "[cli]") {
  auto r = run_deck("nosection.pug", "---\ntitle: t\n---\nh1 Not in a section\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("nosection.pug", 4, 1) + "the deck has no slides"));
}

TEST_CASE("unterminated front matter is an error at its opening line", "[cli]") {
  auto r = run_deck("front.pug", "---\ntitle: never closed\nsection\n  h1 x\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("front.pug", 1, 1) + "front matter opened here is never closed"));
  CHECK(has(r.err, "[source.unterminated-front-matter]"));
}

TEST_CASE("inconsistent indentation, lines counted from the file's first line", "[cli]") {
  auto r = run_deck("indent.pug", "---\ntitle: t\n---\nsection\n  h1 ok\n    p a\n   p b\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("indent.pug", 7, 1) + "inconsistent indentation: expected 2 or more"));
  CHECK(has(r.err, "[pug.inconsistent-indentation]"));
}

TEST_CASE("mixed tabs and spaces are an error at the odd character", "[cli]") {
  auto r = run_deck("mixed.pug", "section\n\th1 ok\n\t p b\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("mixed.pug", 3, 2) + "inconsistent indentation: this line uses a space"));
  CHECK(has(r.err, "[pug.mixed-indentation]"));
}

TEST_CASE("an unclosed attribute list is reported at its '('", "[cli]") {
  auto r = run_deck("paren.pug", "section\n  h2(class=\"x\"\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("paren.pug", 2, 5) + "unclosed '(' of the attribute list"));
  CHECK(has(r.err, " 2 |   h2(class=\"x\"\n   |     ^\n"));
}

TEST_CASE("an unterminated string is reported at its opening quote", "[cli]") {
  auto r = run_deck("string.pug", "section\n  h1(title=\"abc)\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("string.pug", 2, 12) + "unterminated string"));
}

TEST_CASE("unclosed tag and code interpolations are each reported at their start", "[cli]") {
  auto r = run_deck("interp.pug", "section\n  p é #[b unclosed\n  p #{unclosed\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("interp.pug", 2, 7) + "unclosed '#['"));
  CHECK(has(r.err, at("interp.pug", 3, 5) + "unclosed '#{'"));
}

TEST_CASE("an unknown filter is an error at its name", "[cli]") {
  auto r = run_deck("filter.pug", "section\n  :coffee-script\n    x = 1\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("filter.pug", 2, 3) + "unknown filter ':coffee-script'"));
  CHECK(has(r.err, "[pug.unknown-filter]"));
}

TEST_CASE("with --no-js, JavaScript forms are reported, never run", "[cli]") {
  auto r = run_deck("js.pug",
                    "section\n"
                    "  - var x = require('fs')\n"
                    "  p= x\n"
                    "  p #{x}\n"
                    "  each a in list\n"
                    "    p= a\n"
                    "  +card('x')\n"
                    "  p&attributes(x) hi\n",
                    "--no-js");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("js.pug", 2, 3, "warning") + "JavaScript is never executed"));
  CHECK(has(r.err, at("js.pug", 3, 4, "warning")));
  CHECK(has(r.err, at("js.pug", 4, 5, "warning") + "interpolation needs JavaScript"));
  CHECK(has(r.err, at("js.pug", 5, 3) + "`each` needs JavaScript"));
  CHECK(has(r.err, at("js.pug", 7, 3) + "mixin 'card' is not defined before this call"));
  CHECK(has(r.err, at("js.pug", 8, 4) + "`&attributes` needs JavaScript"));
}

TEST_CASE("an include or extends that cannot be read is an error at its line", "[cli]") {
  // `/etc/passwd` is taken from the deck's folder (--basedir), never from /.
  auto r = run_deck("include.pug", "section\n  h1 x\ninclude /etc/passwd\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("include.pug", 3, 1) + "cannot include '/etc/passwd': no such file"));
  CHECK_FALSE(has(r.err, "root:"));
  auto e = run_deck("extends.pug", "extends layout.pug\nsection\n  h1 x\n");
  CHECK(e.exit_code == 1);
  CHECK(has(e.err, at("extends.pug", 1, 1) + "cannot include 'layout.pug': no such file"));
}

TEST_CASE("CRLF line ends keep the lines and columns of the file", "[cli]") {
  auto r = run_deck("crlf.pug", "section\r\n  h1 ok\r\n  h2(class=\"x\"\r\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("crlf.pug", 3, 5) + "unclosed '('"));
}

TEST_CASE("several errors in one deck are all reported, up to a limit", "[cli]") {
  SECTION("three errors, three reports") {
    auto r = run_deck("three.pug",
                      "section\n  h1(a=\"x\"\nsection\n  :nope\n    x\nsection\n  include x\n");
    CHECK(r.exit_code == 1);
    CHECK(count(r.err, ": error: ") == 3);
    CHECK(has(r.err, at("three.pug", 2, 5)));
    CHECK(has(r.err, at("three.pug", 4, 3)));
    CHECK(has(r.err, at("three.pug", 7, 3)));
  }
  SECTION("past the limit: counted, not printed") {
    std::string deck = "section\n";
    for (int i = 0; i < 150; ++i) deck += "  include x" + std::to_string(i) + "\n";
    auto r = run_deck("many.pug", deck);
    CHECK(r.exit_code == 1);
    CHECK(count(r.err, ": error: ") == 100);
    CHECK(has(r.err, "more diagnostics not shown"));
  }
}

TEST_CASE("warnings print as warnings and the export succeeds", "[cli]") {
  std::string out = test::temp_dir() + "/warned.pdf";
  auto r = run_deck("warned.pug", "section\n  h1 Hello #{name}\n", "--no-js -o '" + out + "'");
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, at("warned.pug", 2, 12, "warning")));
  CHECK(test::read_file(out).rfind("%PDF-", 0) == 0);
  SECTION("-q leaves warnings out") {
    auto q = run_deck("warned.pug", "section\n  h1 Hello #{name}\n", "--no-js -q -o '" + out + "'");
    CHECK(q.exit_code == 0);
    CHECK(q.err.empty());
  }
}

TEST_CASE("no colour when stderr is not a terminal, nor with NO_COLOR on one", "[cli]") {
  auto r = run_deck("plain.pug", "section\n  h2(class=\"x\"\n");
  CHECK(r.exit_code == 1);
  CHECK_FALSE(has(r.err, "\033["));
  // On a terminal (script(1) gives one): colour, unless NO_COLOR is set.
  std::string deck = test::temp_dir() + "/plain.pug";
  std::string log = test::temp_dir() + "/tty.log";
  std::string cmd = "script -qec \"'" + test::deckpdf_binary() + "' --check '" + deck + "'\" '" +
                    log + "' >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) != -1);
  CHECK(has(test::read_file(log), "\033[1;31merror:"));
  std::string no_color = "NO_COLOR=1 " + cmd;
  REQUIRE(std::system(no_color.c_str()) != -1);
  CHECK(has(test::read_file(log), "error: unclosed"));
  CHECK_FALSE(has(test::read_file(log), "\033["));
}

TEST_CASE("limits: a deck past 32 MB is refused before it is read whole", "[cli]") {
  std::string big(33u << 20, ' ');
  big.replace(0, 15, "section\n  h1 x\n");
  auto r = run_deck("huge.pug", big);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, "past the limit of 32 MB"));
}

TEST_CASE("limits: nesting past 256 levels is an error naming the bound", "[cli]") {
  std::string deck = "section\n";
  for (int depth = 1; depth <= 400; ++depth) deck += std::string(2 * depth, ' ') + "div\n";
  auto r = run_deck("deep.pug", deck);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, "nesting deeper than 256 levels"));
  CHECK(has(r.err, "[pug.too-deep]"));
}

TEST_CASE("limits: more than 100,000 slides is an error at the first one past it", "[cli]") {
  std::string deck;
  for (int i = 0; i < 100'001; ++i) deck += "section\n";
  auto r = run_deck("slides.pug", deck);
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("slides.pug", 100'001, 1) + "the deck has 100001 slides, past the limit"));
}

TEST_CASE("limits: notes past 1 MB are left out with a warning", "[cli]") {
  std::string deck = "section\n  h1 x\n  aside.notes\n";
  for (int i = 0; i < 12'000; ++i) deck += "    | " + std::string(90, 'n') + "\n";
  auto r = run_deck("notes.pug", deck, "--dump=json");
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, at("notes.pug", 3, 3, "warning") + "these notes are"));
  CHECK(has(r.err, "past the limit of 1024 KB"));
  CHECK(has(r.out, "\"notes\": null"));
}

TEST_CASE("a deck on standard input is named <stdin> in diagnostics", "[cli]") {
  std::string deck = test::temp_dir() + "/stdin-broken.pug";
  test::write_file(deck, "section\n  h2(class=\"x\"\n");
  std::string err = test::temp_dir() + "/stdin.err";
  std::string cmd =
      "'" + test::deckpdf_binary() + "' - --check <'" + deck + "' 2>'" + err + "' >/dev/null";
  int status = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(has(test::read_file(err), "<stdin>:2:5: error: unclosed '('"));
}

TEST_CASE("a long line is shown as a window around the caret", "[cli]") {
  // A minified deck: one line of 5,000 characters, the problem in the middle.
  std::string line = "  p " + std::string(3000, 'x') + " #[b " + std::string(2000, 'y');
  auto r = run_deck("long-line.pug", "section\n" + line + "\n");
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, at("long-line.pug", 2, 3006) + "unclosed '#['"));
  // 40 columns before the caret, 100 in all, "…" where the line goes on.
  std::string window = "\u2026" + std::string(39, 'x') + " #[b " + std::string(56, 'y') + "\u2026";
  CHECK(has(r.err, " 2 | " + window + "\n   | " + std::string(41, ' ') + "^\n"));
  CHECK(r.err.size() < 1000);
}
