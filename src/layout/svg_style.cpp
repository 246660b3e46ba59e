// layout/svg_style — SVG's CSS: declarations, a small style sheet, the
// presentation attributes.
#include "layout/svg_style.h"

#include <algorithm>
#include <cctype>

#include "source/strings.h"

namespace deckpdf::layout::svg {

namespace {

// The properties SVG also takes as attributes (SVG 1.1 presentation
// attributes, the ones the interpreter reads).
const char* const presentation[] = {"fill",
                                    "fill-opacity",
                                    "fill-rule",
                                    "stroke",
                                    "stroke-width",
                                    "stroke-opacity",
                                    "stroke-linecap",
                                    "stroke-linejoin",
                                    "stroke-miterlimit",
                                    "stroke-dasharray",
                                    "stroke-dashoffset",
                                    "opacity",
                                    "display",
                                    "visibility",
                                    "font-size",
                                    "font-family",
                                    "font-weight",
                                    "font-style",
                                    "text-anchor",
                                    "color",
                                    "stop-color",
                                    "stop-opacity",
                                    "clip-path",
                                    "clip-rule",
                                    "mask",
                                    "filter",
                                    "marker-start",
                                    "marker-mid",
                                    "marker-end",
                                    "marker",
                                    "dominant-baseline"};

std::string_view strip(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// CSS comments out.
std::string without_comments(std::string_view css) {
  std::string out;
  for (size_t i = 0; i < css.size(); ++i) {
    if (css[i] == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      size_t end = css.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    out.push_back(css[i]);
  }
  return out;
}

}  // namespace

void parse_declarations(std::string_view css, Declarations& out) {
  std::string text = without_comments(css);
  std::string_view s = text;
  while (!s.empty()) {
    size_t semi = s.find(';');
    std::string_view decl = s.substr(0, semi);
    s = semi == std::string_view::npos ? std::string_view() : s.substr(semi + 1);
    size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = ascii_lower(strip(decl.substr(0, colon)));
    std::string_view value = strip(decl.substr(colon + 1));
    if (size_t bang = value.find("!important"); bang != std::string_view::npos) {
      value = strip(value.substr(0, bang));
    }
    if (!name.empty()) out[name] = std::string(value);
  }
}

void StyleSheet::add(std::string_view css_in) {
  std::string css = without_comments(css_in);
  size_t i = 0;
  while (i < css.size() && rules_.size() < 5000) {
    size_t open = css.find('{', i);
    if (open == std::string::npos) return;
    size_t close = css.find('}', open);
    if (close == std::string::npos) close = css.size();
    std::string_view prelude = strip(std::string_view(css).substr(i, open - i));
    std::string_view body = std::string_view(css).substr(open + 1, close - open - 1);
    i = close + 1;
    if (!prelude.empty() && prelude[0] == '@') {
      // @media and friends: their nested block is skipped whole.
      if (body.find('{') != std::string_view::npos) {
        int depth = 1;
        size_t j = open + 1;
        for (; j < css.size() && depth > 0; ++j) {
          if (css[j] == '{') ++depth;
          if (css[j] == '}') --depth;
        }
        i = j;
      }
      continue;
    }
    Declarations decls;
    parse_declarations(body, decls);
    size_t start = 0;
    std::string list(prelude);
    while (start <= list.size()) {
      size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      std::string sel(strip(std::string_view(list).substr(start, comma - start)));
      start = comma + 1;
      if (sel.empty() || sel.find_first_of("[:+~") != std::string::npos) continue;
      Rule rule;
      bool ok = true;
      std::string word;
      auto flush = [&] {
        if (word.empty()) return;
        Compound c;
        size_t k = 0;
        auto ident = [&] {
          size_t b = k;
          while (k < word.size() && word[k] != '.' && word[k] != '#') ++k;
          return word.substr(b, k - b);
        };
        if (word[0] != '.' && word[0] != '#') {
          c.tag = ascii_lower(ident());
          if (c.tag == "*") c.tag.clear();
          if (!c.tag.empty()) rule.specificity += 1;
        }
        while (k < word.size()) {
          char kind = word[k++];
          std::string name = ident();
          if (name.empty()) ok = false;
          if (kind == '.') {
            c.classes.push_back(name);
            rule.specificity += 100;
          } else {
            c.id = name;
            rule.specificity += 10000;
          }
        }
        rule.chain.push_back(std::move(c));
        word.clear();
      };
      for (char ch : sel) {
        if (std::isspace(static_cast<unsigned char>(ch)) || ch == '>') {
          flush();
        } else {
          word.push_back(ch);
        }
      }
      flush();
      if (!ok || rule.chain.empty()) continue;
      rule.order = rules_.size();
      rule.decls = decls;
      rules_.push_back(std::move(rule));
    }
  }
}

bool StyleSheet::matches(const Tree& tree, const Node& n, const Compound& c) {
  (void)tree;
  if (!c.tag.empty() && c.tag != n.tag) return false;
  if (!c.id.empty()) {
    const std::string* id = n.attr("id");
    if (!id || *id != c.id) return false;
  }
  if (!c.classes.empty()) {
    const std::string* cls = n.attr("class");
    if (!cls) return false;
    for (const std::string& want : c.classes) {
      bool found = false;
      size_t p = 0;
      while (!found && p < cls->size()) {
        size_t e = cls->find_first_of(" \t\n\r", p);
        if (e == std::string::npos) e = cls->size();
        found = cls->compare(p, e - p, want) == 0 && e - p == want.size();
        p = e + 1;
      }
      if (!found) return false;
    }
  }
  return true;
}

void StyleSheet::apply(const Tree& tree, const std::vector<uint32_t>& path, uint32_t node,
                       Declarations& out) const {
  std::vector<const Rule*> hits;
  for (const Rule& r : rules_) {
    if (!matches(tree, tree.nodes[node], r.chain.back())) continue;
    // The other compounds must match ancestors, nearest first, in order.
    size_t want = r.chain.size() - 1;
    for (size_t k = path.size(); k > 0 && want > 0; --k) {
      if (matches(tree, tree.nodes[path[k - 1]], r.chain[want - 1])) --want;
    }
    if (want == 0) hits.push_back(&r);
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Rule* a, const Rule* b) {
    return a->specificity != b->specificity ? a->specificity < b->specificity : a->order < b->order;
  });
  for (const Rule* r : hits) {
    for (const auto& [k, v] : r->decls) out[k] = v;
  }
}

Declarations declared(const Tree& tree, const StyleSheet& sheet, const std::vector<uint32_t>& path,
                      uint32_t node) {
  Declarations out;
  const Node& n = tree.nodes[node];
  for (const auto& [k, v] : n.attrs) {
    for (const char* p : presentation) {
      if (k == p) {
        out[k] = std::string(strip(v));
        break;
      }
    }
  }
  if (!sheet.empty()) sheet.apply(tree, path, node, out);
  if (const std::string* style = n.attr("style")) parse_declarations(*style, out);
  return out;
}

}  // namespace deckpdf::layout::svg
