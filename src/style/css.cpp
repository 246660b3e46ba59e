// style/css — reading the CSS subset (see css.h).
#include "style/css.h"

#include <algorithm>
#include <cctype>

#include "source/strings.h"

namespace deckpdf::style {

std::string strip_comments(std::string_view css) {
  std::string out;
  out.reserve(css.size());
  for (size_t i = 0; i < css.size(); ++i) {
    if (css[i] == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      size_t end = css.find("*/", i + 2);
      if (end == std::string_view::npos) end = css.size();
      for (size_t k = i; k < end && k < css.size(); ++k) {
        if (css[k] == '\n') out.push_back('\n');
      }
      i = end + 1;
      continue;
    }
    out.push_back(css[i]);
  }
  return out;
}

namespace {

// One selector of a list into `sel`: its compounds from the subject leftwards
// and its specificity. False for what deckpdf does not support.
bool parse_selector(std::string_view text, Selector& sel) {
  std::vector<Selector::Compound> left_to_right;
  Selector::Compound cur;
  bool have = false;
  bool pending_child = false;
  size_t i = 0;
  auto flush = [&] {
    if (!have) return;
    cur.child = false;
    left_to_right.push_back(cur);
    cur = {};
    have = false;
  };
  while (i < text.size()) {
    char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      flush();
      ++i;
      continue;
    }
    if (c == '>') {
      flush();
      pending_child = true;
      ++i;
      continue;
    }
    auto read_ident = [&](size_t from) {
      size_t j = from;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) ||
                                 text[j] == '-' || text[j] == '_')) {
        ++j;
      }
      return j;
    };
    if (!have && pending_child && !left_to_right.empty()) {
      left_to_right.back().child = true;  // marks '>' after that compound
    }
    pending_child = false;
    if (c == '.' || c == '#') {
      size_t j = read_ident(i + 1);
      if (j == i + 1) return false;
      std::string name(text.substr(i + 1, j - i - 1));
      if (c == '.')
        cur.classes.push_back(name);
      else
        cur.id = name;
      have = true;
      i = j;
    } else if (c == '*') {
      cur.tag = "*";
      have = true;
      ++i;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t j = read_ident(i);
      cur.tag = ascii_lower(text.substr(i, j - i));
      have = true;
      i = j;
    } else {
      return false;  // pseudo-classes, attribute selectors: not supported
    }
  }
  flush();
  if (left_to_right.empty()) return false;
  // Store right-to-left; `child` on a compound means "its left neighbour is
  // its parent", so shift the markers one place.
  sel.parts.clear();
  for (size_t k = left_to_right.size(); k-- > 0;) {
    Selector::Compound comp = left_to_right[k];
    comp.child = k > 0 && left_to_right[k - 1].child;
    sel.parts.push_back(comp);
  }
  sel.specificity = 0;
  for (const auto& p : sel.parts) {
    sel.specificity += (p.id.empty() ? 0 : 10000) + 100 * static_cast<int>(p.classes.size()) +
                       ((p.tag.empty() || p.tag == "*") ? 0 : 1);
  }
  return true;
}

}  // namespace

std::vector<Rule> parse_rules(std::string_view css_in, std::map<std::string, std::string>* vars,
                              std::vector<std::string>& errors, uint32_t& order) {
  std::string css = strip_comments(css_in);
  std::vector<Rule> rules;
  size_t i = 0;
  auto line_at = [&](size_t pos) {
    return static_cast<uint32_t>(1 + std::count(css.begin(), css.begin() + pos, '\n'));
  };
  while (i < css.size()) {
    size_t open = css.find('{', i);
    if (open == std::string::npos) {
      if (!trim(std::string_view(css).substr(i)).empty()) {
        errors.push_back(std::to_string(line_at(i)) + ": text after the last rule is ignored");
      }
      break;
    }
    size_t close = css.find('}', open);
    if (close == std::string::npos) {
      errors.push_back(std::to_string(line_at(open)) + ": '{' is never closed");
      break;
    }
    std::string_view selectors = trim(std::string_view(css).substr(i, open - i));
    std::string_view body = std::string_view(css).substr(open + 1, close - open - 1);
    auto decls = parse_declarations(body);
    uint32_t body_line = line_at(open);
    for (auto& d : decls) d.line += body_line - 1;
    size_t start = 0;
    while (start <= selectors.size()) {
      size_t comma = selectors.find(',', start);
      if (comma == std::string_view::npos) comma = selectors.size();
      std::string_view one = trim(selectors.substr(start, comma - start));
      start = comma + 1;
      if (one.empty()) continue;
      if (one == ":root") {
        if (vars) {
          for (const auto& d : decls) (*vars)[d.property] = d.value;
        }
        continue;
      }
      Rule r;
      if (!parse_selector(one, r.selector)) {
        errors.push_back(std::to_string(line_at(i)) + ": selector '" + std::string(one) +
                         "' is not supported; its rule is ignored");
        continue;
      }
      r.declarations = decls;
      r.order = order++;
      rules.push_back(std::move(r));
    }
    i = close + 1;
  }
  return rules;
}

std::vector<Declaration> parse_declarations(std::string_view text) {
  std::vector<Declaration> out;
  uint32_t line = 1;
  size_t i = 0;
  while (i < text.size()) {
    // A ';' inside quotes or parentheses does not end a declaration.
    size_t j = i;
    char quote = 0;
    int depth = 0;
    uint32_t start_line = line;
    while (j < text.size()) {
      char c = text[j];
      if (c == '\n') ++line;
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        --depth;
      } else if (c == ';' && depth <= 0) {
        break;
      }
      ++j;
    }
    std::string_view decl = text.substr(i, j - i);
    size_t lead = 0;
    while (lead < decl.size() && std::isspace(static_cast<unsigned char>(decl[lead]))) {
      if (decl[lead] == '\n') ++start_line;
      ++lead;
    }
    decl = trim(decl);
    size_t colon = decl.find(':');
    if (colon != std::string_view::npos) {
      Declaration d;
      d.property = ascii_lower(trim(decl.substr(0, colon)));
      std::string_view value = trim(decl.substr(colon + 1));
      // (A value that is only "!important" keeps it.)
      if (value.size() > 10 && ends_with_nocase(value, "!important")) {
        value = trim(value.substr(0, value.size() - 10));
      }
      d.value = std::string(value);
      d.line = start_line;
      if (!d.property.empty()) out.push_back(std::move(d));
    }
    i = j + 1;
  }
  return out;
}

}  // namespace deckpdf::style
