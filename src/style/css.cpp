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

bool parse_selector(std::string_view text, Selector& sel);

// The argument of `:nth-child(...)`: "odd", "even", "B", "An", "An+B",
// "-n+B" (white space allowed around the sign). False for anything else.
bool parse_nth(std::string_view arg, int& a, int& b) {
  std::string text;
  for (char c : arg) {
    if (!std::isspace(static_cast<unsigned char>(c))) text += ascii_lower(std::string_view(&c, 1));
  }
  if (text == "odd") return a = 2, b = 1, true;
  if (text == "even") return a = 2, b = 0, true;
  auto number = [](std::string_view digits, int& out) {
    if (digits.empty() || digits.size() > 6) return false;
    out = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    return true;
  };
  size_t n = text.find('n');
  if (n == std::string::npos) {
    a = 0;
    bool negative = !text.empty() && text[0] == '-';
    size_t from = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    if (!number(std::string_view(text).substr(from), b)) return false;
    if (negative) b = -b;
    return true;
  }
  std::string_view coefficient = std::string_view(text).substr(0, n);
  if (coefficient.empty() || coefficient == "+") {
    a = 1;
  } else if (coefficient == "-") {
    a = -1;
  } else {
    bool negative = coefficient[0] == '-';
    size_t from = coefficient[0] == '-' || coefficient[0] == '+' ? 1 : 0;
    if (!number(coefficient.substr(from), a)) return false;
    if (negative) a = -a;
  }
  std::string_view rest = std::string_view(text).substr(n + 1);
  if (rest.empty()) return b = 0, true;
  if (rest[0] != '+' && rest[0] != '-') return false;
  if (!number(rest.substr(1), b)) return false;
  if (rest[0] == '-') b = -b;
  return true;
}

// The pseudo-class at `text[i]` (just after its ':') into `cur`; `i` moves
// past it. False for pseudo-elements and pseudo-classes deckpdf does not
// match (:hover, :focus, ...: states a printed page never has).
bool parse_pseudo(std::string_view text, size_t& i, Selector::Compound& cur) {
  size_t j = i;
  while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '-')) {
    ++j;
  }
  const std::string name = ascii_lower(text.substr(i, j - i));
  std::string_view arg;
  bool has_arg = j < text.size() && text[j] == '(';
  if (has_arg) {
    size_t close = j + 1;
    for (int depth = 1; close < text.size(); ++close) {
      if (text[close] == '(') ++depth;
      if (text[close] == ')' && --depth == 0) break;
    }
    if (close >= text.size()) return false;
    arg = text.substr(j + 1, close - j - 1);
    j = close + 1;
  }
  Selector::Pseudo pseudo;
  if (!has_arg && (name == "first-child" || name == "last-child")) {
    pseudo.kind = name == "first-child" ? Selector::Pseudo::Kind::nth_child
                                        : Selector::Pseudo::Kind::nth_last_child;
  } else if (!has_arg && name == "only-child") {
    pseudo.kind = Selector::Pseudo::Kind::only_child;
  } else if (has_arg && (name == "nth-child" || name == "nth-last-child")) {
    pseudo.kind = name == "nth-child" ? Selector::Pseudo::Kind::nth_child
                                      : Selector::Pseudo::Kind::nth_last_child;
    if (!parse_nth(arg, pseudo.a, pseudo.b)) return false;
  } else if (has_arg && name == "not") {
    Selector inner;
    if (!parse_selector(arg, inner) || inner.parts.size() != 1) return false;
    pseudo.kind = Selector::Pseudo::Kind::not_;
    pseudo.negated.push_back(std::move(inner.parts[0]));
  } else {
    return false;
  }
  cur.pseudos.push_back(std::move(pseudo));
  i = j;
  return true;
}

// The specificity of one compound: ids, then classes and pseudo-classes
// (a `:not()` counts as its argument), then tags.
int compound_specificity(const Selector::Compound& c) {
  int out = (c.id.empty() ? 0 : 10000) + 100 * static_cast<int>(c.classes.size()) +
            ((c.tag.empty() || c.tag == "*") ? 0 : 1);
  for (const Selector::Pseudo& p : c.pseudos) {
    out += p.kind == Selector::Pseudo::Kind::not_ ? compound_specificity(p.negated[0]) : 100;
  }
  return out;
}

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
    } else if (c == ':') {
      ++i;
      if (!parse_pseudo(text, i, cur)) return false;
      have = true;
    } else {
      return false;  // attribute selectors: not supported
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
  for (const auto& p : sel.parts) sel.specificity += compound_specificity(p);
  return true;
}

}  // namespace

namespace {

// The '}' that closes the '{' at `open`, or npos (comments are gone).
size_t matching_brace(std::string_view css, size_t open) {
  int depth = 0;
  char quote = 0;
  for (size_t k = open; k < css.size(); ++k) {
    char c = css[k];
    if (quote) {
      if (c == '\\') {
        ++k;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return k;
    }
  }
  return std::string_view::npos;
}

// `@media print`, `@media all`, `@media only print, screen`: a query list
// with a query for print or all media and no feature to test (a width
// query is about screens).
bool media_applies_to_print(std::string_view prelude) {
  std::string p = ascii_lower(prelude);
  if (!p.starts_with("@media")) return false;
  std::string_view list = trim(std::string_view(p).substr(6));
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view q = trim(list.substr(start, comma - start));
    start = comma + 1;
    if (q.starts_with("only ")) q = trim(q.substr(5));
    if ((q == "print" || q == "all") && q.find('(') == std::string_view::npos) return true;
  }
  return false;
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
  std::vector<size_t> media_ends;  // the closing braces of @media blocks being read
  while (i < css.size()) {
    while (i < css.size() && std::isspace(static_cast<unsigned char>(css[i]))) ++i;
    if (i >= css.size()) break;
    if (!media_ends.empty() && i == media_ends.back()) {  // an @media block read to its end
      media_ends.pop_back();
      ++i;
      continue;
    }
    if (css[i] == '@') {
      size_t semi = css.find(';', i), brace = css.find('{', i);
      if (brace == std::string_view::npos || (semi != std::string_view::npos && semi < brace)) {
        // `@charset "x";`, `@namespace ...;` (@import is read before): nothing to print.
        i = semi == std::string_view::npos ? css.size() : semi + 1;
        continue;
      }
      size_t end = matching_brace(css, brace);
      if (end == std::string_view::npos) {
        problems.push_back({span(brace, brace + 1), "theme.unclosed-brace", "'{' is never closed"});
        break;
      }
      std::string_view prelude = trim(css.substr(i, brace - i));
      // The rules of an @media block that a print is (`print`, `all`)
      // are read as if outside it; other at-rules' blocks (@font-face,
      // @keyframes, @supports, @media screen) say nothing of a PDF.
      if (media_applies_to_print(prelude)) {
        media_ends.push_back(end);
        i = brace + 1;
      } else {
        i = end + 1;
      }
      continue;
    }
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
