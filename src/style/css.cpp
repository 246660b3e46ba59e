// style/css — reading the CSS subset (see css.h).
#include "style/css.h"

#include <algorithm>
#include <cctype>

#include "source/strings.h"

namespace deckpdf::style {

uint32_t Uncommented::origin(uint32_t offset) const {
  auto after = std::upper_bound(shifts.begin(), shifts.end(), offset,
                                [](uint32_t o, const auto& shift) { return o < shift.first; });
  return after == shifts.begin() ? offset : offset + std::prev(after)->second;
}

Uncommented strip_comments(std::string_view css) {
  Uncommented out;
  out.text.reserve(css.size());
  uint32_t removed = 0;
  for (size_t i = 0; i < css.size(); ++i) {
    if (css[i] == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      size_t end = css.find("*/", i + 2);
      if (end == std::string_view::npos) end = css.size();
      size_t kept = 0;
      for (size_t k = i; k < end && k < css.size(); ++k) {
        if (css[k] == '\n') {
          out.text.push_back('\n');
          ++kept;
        }
      }
      removed += static_cast<uint32_t>(std::min(end + 2, css.size()) - i - kept);
      out.shifts.emplace_back(static_cast<uint32_t>(out.text.size()), removed);
      i = end + 1;
      continue;
    }
    out.text.push_back(css[i]);
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

std::vector<Rule> parse_rules(std::string_view css_in, std::vector<Declaration>* root,
                              std::vector<CssProblem>& problems, uint32_t& order) {
  Uncommented uncommented = strip_comments(css_in);
  std::string_view css = uncommented.text;
  std::vector<Rule> rules;
  // Spans in the CSS given, of `part` (a view into `css`) or of [begin, end).
  auto span = [&](size_t begin, size_t end) {
    return uncommented.origin(Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  };
  auto span_of = [&](std::string_view part) {
    size_t begin = static_cast<size_t>(part.data() - css.data());
    return span(begin, begin + part.size());
  };
  size_t i = 0;
  while (i < css.size()) {
    size_t open = css.find('{', i);
    if (open == std::string::npos) {
      if (std::string_view rest = trim(css.substr(i)); !rest.empty()) {
        problems.push_back(
            {span_of(rest), "theme.trailing-text", "text after the last rule is ignored"});
      }
      break;
    }
    size_t close = css.find('}', open);
    if (close == std::string::npos) {
      problems.push_back({span(open, open + 1), "theme.unclosed-brace", "'{' is never closed"});
      break;
    }
    std::string_view selectors = trim(css.substr(i, open - i));
    std::string_view body = css.substr(open + 1, close - open - 1);
    auto decls = parse_declarations(body);
    for (auto& d : decls) d.span = span(open + 1 + d.span.begin, open + 1 + d.span.end);
    size_t start = 0;
    while (start <= selectors.size()) {
      size_t comma = selectors.find(',', start);
      if (comma == std::string_view::npos) comma = selectors.size();
      std::string_view one = trim(selectors.substr(start, comma - start));
      start = comma + 1;
      if (one.empty()) continue;
      if (one == ":root") {
        if (root) root->insert(root->end(), decls.begin(), decls.end());
        continue;
      }
      Rule r;
      if (!parse_selector(one, r.selector)) {
        problems.push_back(
            {span_of(one), "theme.unsupported-selector",
             "selector '" + std::string(one) + "' is not supported; its rule is ignored"});
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
  size_t i = 0;
  while (i < text.size()) {
    // A ';' inside quotes or parentheses does not end a declaration.
    size_t j = i;
    char quote = 0;
    int depth = 0;
    while (j < text.size()) {
      char c = text[j];
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
    std::string_view decl = trim(text.substr(i, j - i));
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
      uint32_t begin = static_cast<uint32_t>(decl.data() - text.data());
      d.span = {begin, begin + static_cast<uint32_t>(decl.size())};
      if (!d.property.empty()) out.push_back(std::move(d));
    }
    i = j + 1;
  }
  return out;
}

}  // namespace deckpdf::style
