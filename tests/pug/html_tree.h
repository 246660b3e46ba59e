// tests/pug/html_tree.h — a small HTML reader for comparing HTML as trees.
//
// The conformance and corpus files were written by the reference Pug
// compiler, some pretty-printed and some not; deckpdf's tree is written by
// dom::to_html. Both are read here into a plain tree and compared with:
//   - whitespace-only text ignored, other text whitespace-collapsed and
//     trimmed (inside <pre> text is compared exactly); comments compared
//     with no whitespace at all, as pug's own test runner compares (its
//     suite's files and pug.js 3 differ in the line breaks of block comments);
//   - attribute order ignored, class lists compared as written, a boolean
//     attribute's three spellings equal;
//   - character references decoded (so `&amp;` and `&` in text are equal);
//   - no implied end tags (Pug writes what the deck says, e.g. nested <li>);
//     void elements never take children; script content is read as markup
//     (Pug writes templates there).
// Header-only, because tests/<stage>/ folders build only *_test.cpp files.
#pragma once

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "dom/entities.h"
#include "dom/node.h"

namespace deckpdf::test {

struct HtmlNode {
  enum class Kind { Element, Text, Comment, Other } kind = Kind::Element;
  std::string name;  // Element: lower-case tag
  std::map<std::string, std::string> attrs;
  std::string text;  // Text, Comment, Other
  std::vector<HtmlNode> children;
};

namespace html_tree_detail {

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

inline std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline void add_text(std::vector<HtmlNode*>& stack, const std::string& text) {
  if (text.empty()) return;
  auto& kids = stack.back()->children;
  if (!kids.empty() && kids.back().kind == HtmlNode::Kind::Text) {
    kids.back().text += text;
    return;
  }
  HtmlNode t;
  t.kind = HtmlNode::Kind::Text;
  t.text = text;
  kids.push_back(std::move(t));
}

// Normalises text: drop whitespace-only text, collapse the rest (not in pre).
inline void normalise(HtmlNode& n, bool in_pre) {
  bool pre = in_pre || n.name == "pre";
  std::vector<HtmlNode> kids;
  for (HtmlNode& c : n.children) {
    if (c.kind == HtmlNode::Kind::Text && !pre) {
      c.text = collapse(c.text);
      if (c.text.empty()) continue;
    }
    if (c.kind == HtmlNode::Kind::Comment) {
      std::erase_if(c.text, [](char ch) { return is_space(ch); });
    }
    if (c.kind == HtmlNode::Kind::Element) normalise(c, pre);
    kids.push_back(std::move(c));
  }
  n.children = std::move(kids);
  if (n.attrs.count("class")) n.attrs["class"] = collapse(n.attrs["class"]);
  // A boolean attribute: `checked`, `checked=""` and `checked="checked"` are one.
  for (auto& [name, value] : n.attrs) {
    if (value == name) value.clear();
  }
}

}  // namespace html_tree_detail

// Reads HTML into a tree under a root element named "#root".
inline HtmlNode html_read(std::string_view s) {
  using namespace html_tree_detail;
  HtmlNode root;
  root.name = "#root";
  std::vector<HtmlNode*> stack{&root};
  std::string text;
  size_t i = 0;
  auto flush = [&] {
    add_text(stack, text);
    text.clear();
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == '&') {
      size_t used = dom::entity_decode_one(s.substr(i), text, false);
      if (used) {
        i += used;
        continue;
      }
    }
    bool tagish =
        c == '<' && i + 1 < s.size() &&
        (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' || s[i + 1] == '!');
    if (!tagish) {
      text.push_back(c);
      ++i;
      continue;
    }
    flush();
    if (s.substr(i, 4) == "<!--") {
      size_t e = s.find("-->", i + 4);
      HtmlNode cm;
      cm.kind = HtmlNode::Kind::Comment;
      cm.text = std::string(s.substr(i + 4, (e == std::string_view::npos ? s.size() : e) - i - 4));
      stack.back()->children.push_back(std::move(cm));
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    if (s[i + 1] == '!') {
      size_t e = s.substr(i, 9) == "<![CDATA[" ? s.find("]]>", i) : s.find('>', i);
      size_t stop = e == std::string_view::npos ? s.size() : e + (s[e] == ']' ? 3 : 1);
      HtmlNode o;
      o.kind = HtmlNode::Kind::Other;
      o.text = std::string(s.substr(i, stop - i));
      stack.back()->children.push_back(std::move(o));
      i = stop;
      continue;
    }
    bool end_tag = s[i + 1] == '/';
    size_t j = i + (end_tag ? 2 : 1);
    size_t nb = j;
    while (j < s.size() && !is_space(s[j]) && s[j] != '>' && s[j] != '/') ++j;
    std::string name = lower(s.substr(nb, j - nb));
    if (end_tag) {
      size_t e = s.find('>', j);
      i = e == std::string_view::npos ? s.size() : e + 1;
      for (size_t k = stack.size(); k-- > 1;) {
        if (stack[k]->name == name) {
          stack.resize(k);
          break;
        }
      }
      continue;
    }
    HtmlNode el;
    el.name = name;
    bool self_closing = false;
    for (;;) {
      while (j < s.size() && is_space(s[j])) ++j;
      if (j >= s.size()) break;
      if (s[j] == '>') {
        ++j;
        break;
      }
      if (s[j] == '/') {
        ++j;
        if (j < s.size() && s[j] == '>') {
          self_closing = true;
          ++j;
          break;
        }
        continue;
      }
      size_t ab = j++;
      while (j < s.size() && !is_space(s[j]) && s[j] != '>' && s[j] != '=' && s[j] != '/') ++j;
      std::string an(s.substr(ab, j - ab));
      std::string av;
      size_t k = j;
      while (k < s.size() && is_space(s[k])) ++k;
      if (k < s.size() && s[k] == '=') {
        j = k + 1;
        while (j < s.size() && is_space(s[j])) ++j;
        if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
          size_t e = s.find(s[j], j + 1);
          if (e == std::string_view::npos) e = s.size();
          av = dom::entities_decode(s.substr(j + 1, e - j - 1), true);
          j = e + 1;
        } else {
          size_t vb = j;
          while (j < s.size() && !is_space(s[j]) && s[j] != '>') ++j;
          av = dom::entities_decode(s.substr(vb, j - vb), true);
        }
      }
      el.attrs.emplace(an, av);
    }
    i = j;
    stack.back()->children.push_back(std::move(el));
    if (!self_closing && !dom::is_void_element(name))
      stack.push_back(&stack.back()->children.back());
  }
  flush();
  normalise(root, false);
  return root;
}

// One line per node, indented: a readable dump for failure messages.
inline void html_dump(const HtmlNode& n, std::ostream& out, int depth = 0) {
  std::string pad(static_cast<size_t>(depth) * 2, ' ');
  switch (n.kind) {
    case HtmlNode::Kind::Text: out << pad << '"' << n.text << "\"\n"; return;
    case HtmlNode::Kind::Comment: out << pad << "<!--" << n.text << "-->\n"; return;
    case HtmlNode::Kind::Other: out << pad << n.text << "\n"; return;
    case HtmlNode::Kind::Element: break;
  }
  out << pad << '<' << n.name;
  for (const auto& [k, v] : n.attrs) out << ' ' << k << "=\"" << v << '"';
  out << ">\n";
  for (const HtmlNode& c : n.children) html_dump(c, out, depth + 1);
}

// Compares two trees. Returns "" when equal, else where and how they differ.
inline std::string html_diff(const HtmlNode& got, const HtmlNode& want,
                             const std::string& path = "") {
  std::string here = path + "/" + (got.kind == HtmlNode::Kind::Element ? got.name : "#node");
  auto show = [](const HtmlNode& n) {
    std::ostringstream o;
    html_dump(n, o);
    std::string s = o.str();
    return s.size() > 600 ? s.substr(0, 600) + "…\n" : s;
  };
  if (got.kind != want.kind || got.name != want.name || got.text != want.text ||
      got.attrs != want.attrs) {
    return "at " + here + "\n got:\n" + show(got) + " want:\n" + show(want);
  }
  size_t n = std::min(got.children.size(), want.children.size());
  for (size_t k = 0; k < n; ++k) {
    std::string d =
        html_diff(got.children[k], want.children[k], here + "[" + std::to_string(k) + "]");
    if (!d.empty()) return d;
  }
  if (got.children.size() != want.children.size()) {
    std::string d = "at " + here + ": " + std::to_string(got.children.size()) + " children, want " +
                    std::to_string(want.children.size()) + "\n";
    if (got.children.size() > n) d += " extra:\n" + show(got.children[n]);
    if (want.children.size() > n) d += " missing:\n" + show(want.children[n]);
    return d;
  }
  return "";
}

// Convenience: compares HTML strings as trees.
inline std::string html_tree_diff(std::string_view got, std::string_view want) {
  return html_diff(html_read(got), html_read(want));
}

}  // namespace deckpdf::test
