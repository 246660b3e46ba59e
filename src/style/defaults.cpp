// style/defaults — the built-in element defaults (see defaults.h).
#include "style/defaults.h"

#include <string>
#include <string_view>

namespace deckpdf::style {

namespace {

// Element defaults, as a browser's user-agent sheet gives them. Themes
// override these; they are here so that a theme only says what it changes.
constexpr std::string_view kDefaults = R"css(
section, div, p, h1, h2, h3, h4, h5, h6, ul, ol, pre, blockquote, table, figure,
header, footer, article, nav, aside, main, hr, dl, dt, dd, details, summary,
figcaption, address, center { display: block; }
li { display: list-item; }
head, script, style, template, title, meta, link, iframe, noscript, video, audio,
aside.notes { display: none; }
h1 { font-size: 2em; font-weight: bold; margin: 0.67em 0; }
h2 { font-size: 1.5em; font-weight: bold; margin: 0.83em 0; }
h3 { font-size: 1.17em; font-weight: bold; margin: 1em 0; }
h4 { font-weight: bold; margin: 1.33em 0; }
h5 { font-size: 0.83em; font-weight: bold; margin: 1.67em 0; }
h6 { font-size: 0.67em; font-weight: bold; margin: 2.33em 0; }
p, blockquote, ul, ol, dl, figure { margin: 1em 0; }
ul, ol { padding-left: 40px; }
ul { list-style-type: disc; }
ol { list-style-type: decimal; }
ul ul, ol ul { list-style-type: circle; margin: 0; }
ul ul ul, ol ul ul { list-style-type: square; }
ol ol, ul ol { margin: 0; }
blockquote { margin: 1em 40px; }
pre { white-space: pre; font-family: monospace; margin: 1em 0; }
code, kbd, samp, tt { font-family: monospace; }
strong, b, th { font-weight: bold; }
em, i, cite, var, dfn { font-style: italic; }
u, ins, a { text-decoration: underline; }
s, del, strike { text-decoration: line-through; }
sub { vertical-align: sub; font-size: smaller; }
sup { vertical-align: super; font-size: smaller; }
small { font-size: smaller; }
mark { background-color: yellow; color: black; }
hr { border-width: 1px; margin: 0.5em 0; }
)css";

}  // namespace

const std::vector<Rule>& default_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<CssProblem> problems;
    uint32_t order = 0;
    return parse_rules(kDefaults, nullptr, problems, order);
  }();
  return rules;
}

const RuleIndex& default_index() {
  static const RuleIndex index(default_rules());
  return index;
}

}  // namespace deckpdf::style
