// tests/pug/lexer_test.cpp — the Pug lexer: token kinds, values and spans
// for each construct, and the lexical errors with their positions.
#include "pug/lexer.h"

#include <catch2/catch.hpp>

#include "pug/pug_helpers.h"

using namespace deckpdf;
using pug::TokenKind;

namespace {

// "kind" or "kind:value" per token, without the final eos.
std::vector<std::string> kinds(const std::string& text, Diagnostics* out = nullptr) {
  Source src("t.pug", text);
  Diagnostics diags;
  std::vector<std::string> r;
  for (const pug::Token& t : pug::lex(src, 0, diags)) {
    if (t.kind == TokenKind::Eos) break;
    std::string s = pug::token_kind_name(t.kind);
    if (!t.value.empty()) s += ":" + std::string(t.value);
    if (t.kind == TokenKind::Attr && !t.boolean)
      s += (t.escaped ? "=" : "!=") + std::string(t.rest);
    r.push_back(s);
  }
  if (out) *out = diags;
  return r;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("lexer: tag, id and class shorthands", "[pug][lexer]") {
  CHECK(kinds("h2#intro.title") == V{"tag:h2", "id:intro", "class:title"});
  CHECK(kinds(".fragment") == V{"class:fragment"});
  CHECK(kinds("fb:user:role x") == V{"tag:fb:user:role", "text:x"});
}

TEST_CASE("lexer: attributes with quotes, commas, booleans, several lines", "[pug][lexer]") {
  CHECK(kinds("a(href='#x', target=\"_b\" data-n=3 hidden)") ==
        V{"tag:a", "start-attributes", "attribute:href='#x'", "attribute:target=\"_b\"",
          "attribute:data-n=3", "attribute:hidden", "end-attributes"});
  CHECK(kinds("span(\n  v-for=\"i in x\"\n  :key=\"i.id\"\n)") ==
        V{"tag:span", "start-attributes", "attribute:v-for=\"i in x\"", "attribute::key=\"i.id\"",
          "end-attributes"});
  CHECK(kinds("a(x!='<b>')") ==
        V{"tag:a", "start-attributes", "attribute:x!='<b>'", "end-attributes"});
  CHECK(kinds("a(x=\"a\" + \"b\")") ==
        V{"tag:a", "start-attributes", "attribute:x=\"a\" + \"b\"", "end-attributes"});
}

TEST_CASE("lexer: text forms", "[pug][lexer]") {
  CHECK(kinds("p hello") == V{"tag:p", "text:hello"});
  CHECK(kinds("| piped") == V{"pipe", "text:piped"});
  CHECK(kinds("p.\n  one\n  two") == V{"tag:p", "dot", "start-pipeless-text", "text:one", "newline",
                                       "text:two", "end-pipeless-text"});
  CHECK(kinds("li: a x") == V{"tag:li", ":", "tag:a", "text:x"});
  CHECK(kinds("p a #[b c] d") == V{"tag:p", "text:a ", "start-pug-interpolation", "tag:b", "text:c",
                                   "end-pug-interpolation", "text: d"});
  CHECK(kinds("p \\#{x}") == V{"tag:p", "text:#{x}"});
  CHECK(kinds("p #{x}!") == V{"tag:p", "interpolated-code:x", "text:!"});
  CHECK(kinds("<div>") == V{"text:<div>"});
  CHECK(kinds("<a href=\"#{u}\">") == V{"text:<a href=\"", "interpolated-code:u", "text:\">"});
  CHECK(kinds("img/") == V{"tag:img", "slash"});
}

TEST_CASE("lexer: indentation", "[pug][lexer]") {
  CHECK(kinds("a\n  b\n  c\nd") ==
        V{"tag:a", "indent", "tag:b", "newline", "tag:c", "outdent", "tag:d"});
  CHECK(kinds("a\n\tb\nc") == V{"tag:a", "indent", "tag:b", "outdent", "tag:c"});
  CHECK(kinds("a\n\n  b\n\n") == V{"tag:a", "indent", "tag:b", "outdent"});
}

TEST_CASE("lexer: comments, filters, code, keywords", "[pug][lexer]") {
  CHECK(kinds("// c") == V{"comment: c"});
  CHECK(kinds("//- c\n  hidden") ==
        V{"comment: c", "start-pipeless-text", "text:hidden", "end-pipeless-text"});
  CHECK(kinds(":markdown-it(linkify)\n  # x") ==
        V{"filter:markdown-it", "start-attributes", "attribute:linkify", "end-attributes",
          "start-pipeless-text", "text:# x", "end-pipeless-text"});
  CHECK(kinds("- var x = 1") == V{"code:var x = 1"});
  CHECK(kinds("p= x") == V{"tag:p", "code:x"});
  CHECK(kinds("each x in y") == V{"keyword:each"});
  CHECK(kinds("+m(1)") == V{"keyword:+m"});
  CHECK(kinds("when 'a:b': p x") == V{"keyword:when", ":", "tag:p", "text:x"});
  CHECK(kinds("default: p") == V{"keyword:default", ":", "tag:p"});
}

TEST_CASE("lexer: a mixin call's arguments and a #{} tag name may run over lines", "[pug][lexer]") {
  Source src("t.pug", "+m(\n'a',\n    'b'\n) text\n+ n(x)\n+#{name}(1)\n#{\n  tag\n}(a='1')/\np");
  Diagnostics diags;
  std::vector<std::string> got;
  for (const pug::Token& t : pug::lex(src, 0, diags)) {
    std::string s = pug::token_kind_name(t.kind);
    if (!t.value.empty()) s += ":" + std::string(t.value);
    if (!t.rest.empty()) s += " (" + std::string(t.rest) + ")";
    got.push_back(s);
  }
  CHECK(got == V{"keyword:+m (\n'a',\n    'b'\n)", "text:text", "newline", "keyword:+ n (x)",
                 "newline", "keyword:+#{name} (1)", "newline", "interpolation:\n  tag\n",
                 "start-attributes", "attribute:a ('1')", "end-attributes", "slash", "newline",
                 "tag:p", "eos"});
  CHECK(diags.items().empty());
  // An argument list never closed is read to its own line only.
  test::PugResult r = test::pug_run("mixin m(a)\n  p= a\n+m('x'\np after");
  CHECK(r.codes() == V{"pug.unclosed-paren@3:3"});
  CHECK(r.html == "<p></p><p>after</p>");  // the call is made without arguments
}

TEST_CASE("lexer: a text block keeps the indentation past its least indented line",
          "[pug][lexer]") {
  // pug-lexer's pipelessText retries with the smaller indentation.
  Source src("t.pug", ":markdown-it\n    ## a\n\n   b\n");
  Diagnostics diags;
  std::vector<pug::Token> toks = pug::lex(src, 0, diags);
  std::vector<std::string> texts;
  for (const pug::Token& t : toks) {
    if (t.kind == TokenKind::Text) texts.emplace_back(t.value);
  }
  CHECK(texts == V{" ## a", "", "b"});
}

TEST_CASE("lexer: spans are byte offsets into the source", "[pug][lexer]") {
  Source src("t.pug", "section\n  h2#a Hello");
  Diagnostics diags;
  std::vector<pug::Token> toks = pug::lex(src, 0, diags);
  for (const pug::Token& t : toks) {
    if (t.kind == TokenKind::Text) {
      CHECK(src.text().substr(t.span.begin, t.span.end - t.span.begin) == "Hello");
      CHECK(src.line_col(t.span.begin).line == 2);
      CHECK(src.line_col(t.span.begin).col == 8);
    }
  }
}

TEST_CASE("lexer: errors have a code and a position", "[pug][lexer]") {
  SECTION("unclosed ( at the paren") {
    test::PugResult r = test::pug_run("div\n  p(class=\"x\"\np");
    CHECK(r.codes() == V{"pug.unclosed-paren@2:4"});
  }
  SECTION("unterminated string at the quote") {
    test::PugResult r = test::pug_run("a(href=\"x)\n");
    CHECK(r.codes() == V{"pug.unterminated-string@1:8"});
  }
  SECTION("tabs in a file indented with spaces") {
    test::PugResult r = test::pug_run("a\n  b\nc\n\td");
    CHECK(r.codes() == V{"pug.mixed-indentation@4:1"});
  }
  SECTION("an outdent to a level never used") {
    test::PugResult r = test::pug_run("a\n    b\n  c");
    CHECK(r.codes() == V{"pug.inconsistent-indentation@3:1"});
  }
  SECTION("unclosed #[") {
    test::PugResult r = test::pug_run("p a #[b c");
    CHECK(r.codes() == V{"pug.unclosed-interpolation@1:5"});
  }
  SECTION("text stuck to a quoted attribute name, at that text") {
    test::PugResult r = test::pug_run("div(\"foo\"abc title='t')");
    CHECK(r.codes() == V{"pug.attribute-syntax@1:10"});
    CHECK(test::pug_run("div(\"foo\"é)").printed().find("unexpected 'é' after") !=
          std::string::npos);                    // the whole character
    CHECK(r.html == "<div title=\"t\"></div>");  // the list goes on after it
  }
  SECTION("'!' not starting '!=' after a name, at the '!'") {
    test::PugResult r = test::pug_run("div(foo!~abc)\np(a != 'x') ok");
    CHECK(r.codes() == V{"pug.attribute-syntax@1:8"});
    CHECK(r.printed().find("unexpected '~' after the attribute name and '!'") != std::string::npos);
    CHECK(r.html == "<div></div><p a=\"x\">ok</p>");
  }
}
