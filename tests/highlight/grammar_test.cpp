// Tests of highlight/grammar: every grammar tools/highlight-export wrote
// reads back, and every one of its regexes compiles with PCRE2.
#include "highlight/grammar.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/paths.h"

using namespace deckpdf::highlight;

TEST_CASE("every exported grammar loads and its regexes compile with PCRE2", "[grammars]") {
  const std::string folder = deckpdf::test::source_dir() + "/layouts/highlight";
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".xml" && name != "index.xml") names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= 29);
  size_t modes = 0;
  for (const std::string& name : names) {
    INFO(name);
    std::string error;
    std::vector<std::string> bad;
    auto grammar = grammar_parse(deckpdf::test::read_file(folder + "/" + name), &error, &bad);
    for (const std::string& what : bad) WARN(what);
    CHECK(bad.empty());
    REQUIRE(grammar);
    CHECK(grammar->name + ".xml" == name);
    CHECK(grammar->modes.size() > 1);
    modes += grammar->modes.size();
  }
  CHECK(modes > 1000);
}

TEST_CASE("a grammar's modes, keywords and terminators read back as highlight.js compiled them") {
  std::string error;
  auto grammar = grammar_parse(
      deckpdf::test::read_file(deckpdf::test::source_dir() + "/layouts/highlight/python.xml"),
      &error);
  REQUIRE(grammar);
  CHECK(grammar->aliases == std::vector<std::string>{"py", "gyp", "ipython"});
  const Mode& root = grammar->modes[0];
  CHECK(root.keywords.at("def").scope == "keyword");
  CHECK(root.keywords.at("nonlocal").relevance == 10);
  CHECK(root.keywords.at("and").relevance == 0);  // highlight.js's common keywords
  CHECK(root.keywords.at("None").scope == "literal");
  CHECK(root.begin_rules == root.contains.size());
  CHECK(root.rules.size() == root.contains.size() + 1);  // its illegal, no end at the top
  Match match;
  REQUIRE(root.illegal->search("x = 1 => 2", 0, match));
  CHECK(match.begin() == 6);
}

TEST_CASE("a grammar that is not one is an error, not a crash") {
  std::string error;
  CHECK_FALSE(grammar_parse("<language name='x'/>", &error));
  CHECK(error == "no modes");
  CHECK_FALSE(grammar_parse("<<<", &error));
  CHECK_FALSE(grammar_parse("<language><mode id='0' contains='7'/></language>", &error));
  CHECK_FALSE(grammar_parse("<language><mode id='0'><begin>(</begin></mode></language>", &error));
  CHECK(error.find("missing closing parenthesis") != std::string::npos);
}
