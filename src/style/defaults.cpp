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
deckpdf-math-display { display: block; margin: 1em 0; text-align: center; }
)css";

// reveal.js's layout helpers (css/layout.scss), the themes' .r-frame and
// the highlight plugin's line highlights (its steps stacked, the lines
// outside a step dimmed), and the themes' `.reveal pre code` padding, which
// outweighs a code theme's `.hljs` one:
// part of reveal.css, an author sheet, so they take part in the theme's
// cascade by specificity (`.r-stack > *` beats a theme's `img` margins),
// ordered before the theme's own rules.
constexpr std::string_view kReveal = R"css(
.r-stack { display: grid; }
.r-stack > * { grid-area: 1 / 1; margin: auto; }
.r-hstack, .r-vstack { display: flex; }
.r-hstack img, .r-vstack img { min-width: 0; min-height: 0; }
.r-vstack { flex-direction: column; align-items: center; justify-content: center; }
.r-hstack { flex-direction: row; align-items: center; justify-content: center; }
.items-stretch { align-items: stretch; }
.items-start { align-items: flex-start; }
.items-center { align-items: center; }
.items-end { align-items: flex-end; }
.justify-between { justify-content: space-between; }
.justify-around { justify-content: space-around; }
.justify-start { justify-content: flex-start; }
.justify-center { justify-content: center; }
.justify-end { justify-content: flex-end; }
.r-frame { border: 4px solid currentColor; }
pre code.hljs { padding: 5px; }
.hljs.has-highlights tr:not(.highlight-line) { opacity: 0.4; }
.hljs:not(:first-child).fragment { box-sizing: border-box; width: 100%; position: absolute; top: 0; left: 0; }
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

const std::vector<Rule>& reveal_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<CssProblem> problems;
    uint32_t order = 0;
    return parse_rules(kReveal, nullptr, problems, order);
  }();
  return rules;
}

const RuleIndex& reveal_index() {
  static const RuleIndex index(reveal_rules());
  return index;
}

}  // namespace deckpdf::style
