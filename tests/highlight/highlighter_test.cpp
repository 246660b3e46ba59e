// Tests of highlight/highlighter against highlight.js itself: each sample
// in samples/ (NAME.txt in the language NAME, NAME.LANG.txt in LANG, LANG
// "auto" for auto-detection) is highlighted and must give, byte for byte,
// the HTML highlight.js 11.12 gave for it (samples/NAME.html, written by
// samples/expect.js in node with the same languages registered).
#include "highlight/highlighter.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "highlight/languages.h"
#include "support/paths.h"

using namespace deckpdf::highlight;

namespace {

std::string grammars() {
  return deckpdf::test::source_dir() + "/layouts/highlight";
}

}  // namespace

TEST_CASE("every sample is highlighted exactly as highlight.js highlights it") {
  const std::string folder = deckpdf::test::source_dir() + "/tests/highlight/samples";
  Languages languages(grammars());
  std::vector<std::filesystem::path> samples;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".txt") samples.push_back(entry.path());
  }
  std::sort(samples.begin(), samples.end());
  REQUIRE(samples.size() >= 20);
  for (const auto& sample : samples) {
    const std::string stem = sample.stem().string();
    const std::string language = stem.substr(stem.rfind('.') + 1);
    INFO(sample.filename().string());
    const std::string code = deckpdf::test::read_file(sample.string());
    auto result =
        language == "auto" ? languages.highlight_auto(code) : languages.highlight(language, code);
    std::string expected =
        deckpdf::test::read_file((sample.parent_path() / stem).string() + ".html");
    CHECK(result->html() == expected);
    CHECK(result->text() == code);
    CHECK_FALSE(result->language.empty());
  }
  CHECK(languages.errors().empty());
}

TEST_CASE("auto-detection picks the language by relevance, plain text when nothing scores") {
  Languages languages(grammars());
  CHECK(languages.highlight_auto("def f(self):\n    return None\n")->language == "python");
  auto plain = languages.highlight_auto("hello world");
  CHECK(plain->language.empty());
  CHECK(plain->html() == "hello world");
  // highlight.js finds SQL's keyword "some" here, and so do we.
  CHECK(languages.highlight_auto("just some words")->language == "sql");
}

TEST_CASE("an unknown language is plain text, and names and aliases ignore case") {
  Languages languages(grammars());
  auto plain = languages.highlight("klingon", "if (a < b) return;");
  CHECK(plain->language.empty());
  CHECK(plain->html() == "if (a &lt; b) return;");
  CHECK(languages.find("JS") == languages.find("javascript"));
  CHECK(languages.find("html")->name == "xml");
  CHECK(languages.find("klingon") == nullptr);
}

TEST_CASE("tokens carry highlight.js's classes, nested outermost first") {
  Languages languages(grammars());
  auto result = languages.highlight("html", "<a href=\"x\">");
  std::vector<Token> tokens = result->tokens();
  REQUIRE(tokens.size() == 7);
  CHECK(tokens[0].text == "<");
  CHECK(tokens[0].classes == std::vector<std::string>{"hljs-tag"});
  CHECK(tokens[1].text == "a");
  CHECK(tokens[1].classes == std::vector<std::string>{"hljs-tag", "hljs-name"});
  CHECK(tokens[5].text == "\"x\"");
  CHECK(tokens[5].classes == std::vector<std::string>{"hljs-tag", "hljs-string"});
  auto python = languages.highlight("python", "def f(): pass")->tokens();
  REQUIRE(python.size() == 5);
  CHECK(python[2].classes == std::vector<std::string>{"hljs-title function_"});
  CHECK(scope_class("title.class.inherited") == "hljs-title class_ inherited__");
  CHECK(scope_class("language:css") == "language-css");
}

TEST_CASE("equal blocks are highlighted once, and a hostile block ends, plain") {
  Languages languages(grammars());
  auto first = languages.highlight("cpp", "int x = 1;");
  CHECK(languages.highlight("CPP", "int x = 1;") == first);
  // Deep nesting and a long line of openers: bounded, and the text kept.
  std::string hostile(200000, '(');
  hostile += std::string(5000, '"');
  auto result = languages.highlight("javascript", hostile);
  CHECK(result->text() == hostile);
  std::string huge(kMaxCodeBytes + 1, 'a');
  auto plain = languages.highlight("python", huge);
  CHECK(plain->events.size() == 1);
}
