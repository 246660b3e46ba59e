#include "style/reveal_vars.h"

#include <array>

#include "source/strings.h"
#include "style/color.h"
#include "style/theme.h"
#include "style/value.h"

namespace deckpdf::style {

namespace {

struct VarRule {
  const char* var;
  const char* selector;  // deckpdf's theme selector for reveal.js's rule
  const char* property;
  const char* value;  // `%` is the variable's value
};

constexpr const char* headings = "h1, h2, h3, h4, h5, h6";

// reveal.js 6's template/theme.scss: where each variable is used.
constexpr std::array<VarRule, 19> var_rules{{
    {"--r-main-font", "section", "font-family", "%"},
    {"--r-main-font-size", "section", "font-size", "%"},
    {"--r-main-color", "section", "color", "%"},
    {"--r-heading-font", headings, "font-family", "%"},
    {"--r-heading-color", headings, "color", "%"},
    {"--r-heading-font-weight", headings, "font-weight", "%"},
    {"--r-heading-line-height", headings, "line-height", "%"},
    {"--r-heading-text-transform", headings, "text-transform", "%"},
    {"--r-heading-margin", headings, "margin", "%"},
    {"--r-heading1-size", "h1", "font-size", "%"},
    {"--r-heading2-size", "h2", "font-size", "%"},
    {"--r-heading3-size", "h3", "font-size", "%"},
    {"--r-heading4-size", "h4", "font-size", "%"},
    {"--r-link-color", "a", "color", "%"},
    {"--r-code-font", "pre, code", "font-family", "%"},
    {"--r-block-margin", "p, img", "margin", "% 0"},
    {"--r-block-margin", "pre, blockquote", "margin-top", "%"},
    {"--r-block-margin", "pre, blockquote", "margin-bottom", "%"},
    {"--r-main-color", ".r-frame", "border-color", "%"},
}};

}  // namespace

std::string reveal_vars_css(const std::map<std::string, std::string>& vars, Theme& theme) {
  std::string css;
  for (const auto& [name, raw] : vars) {
    if (!name.starts_with("--r-")) continue;
    std::string value(trim(raw));
    // A value made of other variables would need them resolved: left out.
    if (value.empty() || value.find("var(") != std::string::npos ||
        value.find_first_of("{};") != std::string::npos) {
      continue;
    }
    if (name == "--r-background-color") {
      if (auto c = parse_color(value)) theme.background = *c;
      continue;
    }
    if (name == "--r-background") {
      if (auto g = parse_gradient(ascii_lower(value), 16, 16)) theme.background_gradient = *g;
      continue;
    }
    for (const VarRule& r : var_rules) {
      if (name != r.var) continue;
      std::string v = r.value;
      v.replace(v.find('%'), 1, value);
      css += std::string(r.selector) + " { " + r.property + ": " + v + "; }\n";
    }
  }
  return css;
}

}  // namespace deckpdf::style
