// tests/pug/load_test.cpp — the Pug syntax tree (its dump) and the loader:
// include, extends with blocks, mixins from other files, the root folder,
// cycles and special files, and diagnostics naming the included file.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "pug/lexer.h"
#include "pug/parse.h"
#include "pug/pug_helpers.h"
#include "support/paths.h"

using namespace deckpdf;
using V = std::vector<std::string>;
namespace fs = std::filesystem;

namespace {

std::string tree(const std::string& text) {
  Source src("t.pug", text);
  Diagnostics diags;
  std::string out = pug::ast_dump(pug::parse_tree(pug::lex(src, 0, diags), 0, diags));
  return out.substr(out.find('\n') + 1);  // without the root Block line
}

// A folder with the given files; returns its path.
std::string folder(const std::vector<std::pair<std::string, std::string>>& files) {
  static int n = 0;
  fs::path dir = fs::path(test::temp_dir()) / ("load" + std::to_string(++n));
  for (const auto& [name, text] : files) {
    fs::create_directories((dir / name).parent_path());
    test::write_file((dir / name).string(), text);
  }
  return dir.string();
}

test::PugResult run_in(const std::string& dir, const std::string& deck) {
  return test::pug_run(test::read_file(dir + "/" + deck), dir + "/" + deck);
}

}  // namespace

TEST_CASE("syntax tree: pug-parser's node kinds", "[pug][ast]") {
  CHECK(tree("p.a(href='#x') hi #{name}!") ==
        "  Tag p class='a' href='#x'\n"
        "    Text \"hi \"\n    Code = inline \"name\"\n    Text \"!\"\n");
  CHECK(tree("if a\n  p\nelse if b\n  i\nelse\n  b") ==
        "  Conditional if \"a\"\n    Block\n      Tag p\n"
        "    Conditional else if \"b\"\n      Block\n        Tag i\n      Block else\n"
        "        Tag b\n");
  CHECK(tree("each v, k in xs\n  li= v") ==
        "  Each v [k] \"xs\"\n    Block\n      Tag li\n        Code = \"v\"\n");
  CHECK(tree("mixin m(a, ...r)\n  block\n+m(1, 2)(class='c') t") ==
        "  Mixin m \"a, ...r\"\n    MixinBlock\n"
        "  Call m class='c' \"1, 2\"\n    Text \"t\"\n");
  CHECK(tree("+m(class='c')") == "  Call m class='c'\n");
  CHECK(tree("block append scripts\n  p\nprepend x\nblock y") ==
        "  NamedBlock scripts [append]\n    Tag p\n  NamedBlock x [prepend]\n"
        "  NamedBlock y [replace]\n");
  CHECK(tree("include:markdown-it notes.md\nextends /layout\ncase x\n  when 1\n  default") ==
        "  Include :markdown-it \"notes.md\"\n  Extends \"/layout\"\n  Case \"x\"\n"
        "    When when \"1\"\n    When default\n");
  CHECK(tree("- var x = 1\np!= y\nwhile n\n  | z") ==
        "  Code - \"var x = 1\"\n  Tag p\n    Code != \"y\"\n  While \"n\"\n    Text \"z\"\n");
}

TEST_CASE("include: Pug files, raw files, filtered files, relative and from the root",
          "[pug][load]") {
  std::string dir = folder({{"deck.pug",
                             "section\n  include parts/a\n  include /b.pug\n"
                             "  pre\n    include code.cs\n"
                             "  include:markdown-it notes.md\n"},
                            {"parts/a.pug", "h2 A\ninclude ../c.html"},
                            {"b.pug", "p B"},
                            {"c.html", "<em>C</em>"},
                            {"code.cs", "List<int> x;\r\n"},
                            {"notes.md", "# N\n\n*n*\n"}});
  test::PugResult r = run_in(dir, "deck.pug");
  INFO(r.printed());
  CHECK(r.codes() == V{});
  CHECK(r.html ==
        "<section><h2>A</h2><em>C</em><p>B</p><pre>List<int> x;\n</int></pre>"
        "<h1>N</h1><p><em>n</em></p></section>");
}

TEST_CASE("extends: blocks replaced, appended, prepended, and mixins from the layout", "[pug][load]") {
  std::string dir =
      folder({{"layout.pug",
               "mixin hr\n  hr\nhtml\n  block head\n    title T\n  body\n    block content\n"
               "    block foot\n      p foot\n"},
              {"mid.pug", "extends layout\nblock content\n  +hr\n  block inner\n    p inner\n"},
              {"deck.pug",
               "extends mid.pug\nblock append head\n  meta\nblock inner\n  p mine\nprepend foot\n"
               "  p before\n"}});
  test::PugResult r = run_in(dir, "deck.pug");
  INFO(r.printed());
  CHECK(r.codes() == V{});
  CHECK(r.html ==
        "<html><title>T</title><meta><body><hr><p>mine</p><p>before</p><p>foot</p></body>"
        "</html>");
}

TEST_CASE("include: an include's block goes to its yield", "[pug][load]") {
  std::string dir = folder(
      {{"frame.pug", "div.frame\n  yield\n  p after"}, {"deck.pug", "include frame\n  p inside"}});
  CHECK(run_in(dir, "deck.pug").html == "<div class=\"frame\"><p>inside</p><p>after</p></div>");
}

TEST_CASE("include: errors at the include, diagnostics in the included file", "[pug][load]") {
  std::string dir = folder({{"deck.pug", "include a\ninclude ../../x.pug\ninclude sub.pug\np ok\n"},
                            {"a.pug", "p a\ninclude b"},
                            {"b.pug", "p b\n  include a\np(x"},
                            {"sub.pug/keep.txt", "x"}});
  test::PugResult r = run_in(dir, "deck.pug");
  CHECK(r.codes() == V{"pug.include@2:1", "pug.include@3:1", "pug.include@b.pug:2:3",
                       "pug.unclosed-paren@b.pug:3:2"});
  CHECK(r.printed().find("b.pug:2:3: error: cannot include 'a': it includes itself") !=
        std::string::npos);
  CHECK(r.printed().find("cannot include 'sub.pug': it is a folder") != std::string::npos);
  CHECK(r.html == "<p>a</p><p>b</p><p x=\"x\"></p><p>ok</p>");
  CHECK(r.html.find("<p>ok</p>") != std::string::npos);

  std::string fifo = folder({{"deck.pug", "include pipe.txt\np ok"}});
  REQUIRE(::mkfifo((fifo + "/pipe.txt").c_str(), 0600) == 0);
  test::PugResult f = run_in(fifo, "deck.pug");
  CHECK(f.codes() == V{"pug.include@1:1"});
  CHECK(f.printed().find("not a regular file") != std::string::npos);
}

TEST_CASE("extends: what an extending file may hold at its top", "[pug][load]") {
  std::string dir = folder({{"layout.pug", "block a"},
                            {"deck.pug", "extends layout\np stray\nblock b\n  p\nblock a\n  i"}});
  test::PugResult r = run_in(dir, "deck.pug");
  CHECK(r.codes() == V{"pug.extends-root@2:1", "pug.unexpected-block@3:1"});
  CHECK(r.html == "<i></i>");
}
