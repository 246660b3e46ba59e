// The command line's names: --handout's layout after a space, its alias,
// inputs named like layouts, unknown options, themes and layouts answered
// with the known names and the nearest one, and --help listing them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "cli/cli_helpers.h"
#include "source/nearest.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
using test::has;
using test::tmp;
namespace fs = std::filesystem;

namespace {

const std::string deck_text =
    "section\n  h1 One\n  aside.notes Say one\nsection\n  h1 Two\nsection\n  h1 Three\n"
    "section\n  h1 Four\nsection\n  h1 Five\n";

const std::string layouts =
    "2-up, 3-up-ruled, 4-up, 6-up, 9-up, notes-below, notes-right, three-up";
const std::string usage_tail = "Run 'deckpdf --help' for the options.\n";

// A fresh folder with talk.pug; runs deckpdf there.
struct Here {
  std::string dir;
  explicit Here(const std::string& name) : dir(tmp(name)) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    test::write_file(dir + "/talk.pug", deck_text);
  }
  test::RunResult run(const std::string& args) const {
    return test::run_deckpdf("--version >/dev/null && cd '" + dir + "' && '" +
                             test::deckpdf_binary() + "' " + args);
  }
  std::string file(const std::string& name) const { return dir + "/" + name; }
};

}  // namespace

TEST_CASE("nearest names: Damerau-Levenshtein distance, and only near names suggested", "[cli]") {
  CHECK(edit_distance("three-up", "three-up") == 0);
  CHECK(edit_distance("thre-up", "three-up") == 1);
  CHECK(edit_distance("Moon", "moon") == 0);  // case ignored
  CHECK(edit_distance("teh", "the") == 1);    // a swap is one edit
  CHECK(edit_distance("kitten", "sitting") == 3);
  std::vector<std::string> themes{"black", "moon", "night", "white"};
  CHECK(nearest_name("mon", themes) == "moon");
  CHECK(nearest_name("whtie", themes) == "white");
  CHECK(nearest_name("moonlight", themes).empty());       // 5 edits: not a typo
  CHECK(nearest_name("-x", {"-o", "-j", "-q"}).empty());  // too short to guess
}

TEST_CASE("the handout option takes a layout name after a space, and 3-up is three-up", "[cli]") {
  Here h("names-handout");
  // After a space: the layout, not a second input.
  auto r = h.run("talk.pug --handout 4-up");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_FALSE(fs::exists(h.file("talk.pdf")));
  test::PdfDoc four = test::pdf_read(h.file("talk-handout.pdf"));
  CHECK(four.pages.size() == 2);  // 5 slides, 4 a page
  // The same with '=' and before the input.
  fs::remove(h.file("talk-handout.pdf"));
  r = h.run("--handout 4-up talk.pug");
  CHECK(r.exit_code == 0);
  CHECK(test::pdf_read(h.file("talk-handout.pdf")).pages.size() == 2);
  // The alias, both ways, is three-up: 3 slides a page.
  for (const char* args : {"talk.pug --handout=3-up", "talk.pug --handout 3-up"}) {
    CAPTURE(args);
    fs::remove(h.file("talk-handout.pdf"));
    r = h.run(args);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(test::pdf_read(h.file("talk-handout.pdf")).pages.size() == 2);
  }
  // A bare --handout before the input still leaves the input an input.
  fs::remove(h.file("talk-handout.pdf"));
  r = h.run("--handout talk.pug");
  CHECK(r.exit_code == 0);
  CHECK(test::pdf_read(h.file("talk-handout.pdf")).pages.size() == 5);  // notes-right: one a page
}

TEST_CASE("an input named like a layout is an error asking which was meant", "[cli]") {
  Here h("names-input");
  auto r = h.run("4-up --handout");
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "deckpdf: error: input '4-up' is named like the handout layout 4-up: did you mean "
        "--handout=4-up? (a deck file of that name: write ./4-up)\n" +
            usage_tail);
  r = h.run("talk.pug 3-up");
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "input '3-up' is named like the handout layout three-up"));
  // A file of that name here, after --handout: which one?
  test::write_file(h.file("4-up"), deck_text);
  r = h.run("--handout 4-up");
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "deckpdf: error: '4-up' after --handout is both a handout layout and a file here: write "
        "--handout=4-up for the layout, or --handout ./4-up to export that file with the default "
        "layout\n" +
            usage_tail);
  // Either answer works.
  r = h.run("--handout ./4-up");
  CHECK(r.exit_code == 0);
  CHECK(test::pdf_read(h.file("4-up-handout.pdf")).pages.size() == 5);
  r = h.run("talk.pug --handout=4-up");
  CHECK(r.exit_code == 0);
  CHECK(test::pdf_read(h.file("talk-handout.pdf")).pages.size() == 2);
  CHECK(h.run("-- talk.pug").exit_code == 0);
}

TEST_CASE("unknown layouts and options list the known names and suggest the nearest", "[cli]") {
  Here h("names-unknown");
  auto r = h.run("talk.pug --handout=thre-up");
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "deckpdf: error: unknown handout layout 'thre-up'; did you mean three-up?\n"
        "The layouts: " +
            layouts +
            " (3-up is three-up), or a .handout file of your "
            "own.\n" +
            usage_tail);
  r = h.run("talk.pug --handout=sideways");
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "deckpdf: error: unknown handout layout 'sideways'\nThe layouts: "));
  CHECK_FALSE(fs::exists(h.file("talk-handout.pdf")));

  const std::string options =
      "The options: -o/--output, --builds, --slides, --slide-numbers, --tagged, --theme, --css, "
      "--code-theme, --size, --asset-root, --image-dpi, --pdfa, --lang, --from, --basedir, "
      "--no-js, "
      "--js-timeout, --locals, --dump, --check, --handout, --notes-only, --paper, "
      "--handout-colors, --notes-size, --pdfpc, --watch, -j/--jobs, -q/--quiet, -v/--verbose, "
      "--version, -h/--help.\n";
  for (const char* args : {"talk.pug --thme moon", "--thme=moon talk.pug"}) {
    CAPTURE(args);
    r = h.run(args);
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "deckpdf: error: unknown option '--thme'; did you mean --theme?\n"));
    CHECK(has(r.err, "--theme, --css"));
  }
  r = h.run("talk.pug --bulids");
  CHECK(r.err == "deckpdf: error: unknown option '--bulids'; did you mean --builds?\n" +
                     options.substr(0, options.size()) + usage_tail);
  r = h.run("talk.pug -x");
  CHECK(r.exit_code == 2);
  CHECK(r.err == "deckpdf: error: unknown option '-x'\n" + options + usage_tail);
  CHECK_FALSE(fs::exists(h.file("talk.pdf")));

  // An unknown theme is a warning (the PDF is made, in white), with the nearest name.
  r = h.run("talk.pug --theme mon");
  CHECK(r.exit_code == 0);
  CHECK(has(r.err,
            "warning: theme 'mon' is not one deckpdf has; did you mean moon? (beige, black, "
            "black-contrast, blood, dracula, league, moon, night, serif, simple, sky, "
            "solarized, white, white-contrast); using white [theme.unknown]"));
  CHECK(fs::exists(h.file("talk.pdf")));
}

TEST_CASE("the help lists the themes and the handout layouts by name", "[cli]") {
  auto r = test::run_deckpdf("--help");
  CHECK(r.exit_code == 0);
  CHECK(has(r.out,
            "a theme by name: beige, black, black-contrast, blood, dracula, league, moon, "
            "night, serif, simple, sky, solarized, white, white-contrast (default"));
  CHECK(has(r.out, "in a layout by name: " + layouts + " (default notes-right; 3-up is three-up)"));
  CHECK(has(r.out, "deckpdf talk.pug --handout 4-up"));
}
