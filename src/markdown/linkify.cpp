// markdown/linkify — bare URLs become links (see linkify.h): found with
// md4c's permissive-autolink rules, each text node cut into text and `a`
// nodes in place.
#include "markdown/linkify.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "source/strings.h"

namespace deckpdf::markdown {

namespace {

bool url_char(unsigned char c) {
  return c > 0x20 && c != '<' && c != '>' && c != 0x7F;
}

// The bare URLs in `t`: [begin, end) ranges, md4c's permissive rules: a
// scheme (http, https, ftp) or "www." after a space, the start or one of
// "*_~(", running to white space, less trailing punctuation and an
// unbalanced ')'.
std::vector<std::pair<size_t, size_t>> urls_find(const std::string& t) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = 0;
  while (i < t.size()) {
    bool start_ok = i == 0 || std::string_view(" \t\n*_~(").find(t[i - 1]) != std::string::npos;
    std::string_view rest(t.data() + i, t.size() - i);
    size_t head = 0;
    if (start_ok) {
      for (std::string_view p : {"https://", "http://", "ftp://", "www."}) {
        if (rest.size() > p.size() && ascii_lower(rest.substr(0, p.size())) == p) {
          head = p.size();
          break;
        }
      }
    }
    if (!head) {
      ++i;
      continue;
    }
    size_t e = i + head;
    while (e < t.size() && url_char(static_cast<unsigned char>(t[e]))) ++e;
    // Trailing punctuation is not part of the link.
    while (e > i + head) {
      char c = t[e - 1];
      if (std::string_view(".,:;!?\"'*_~").find(c) != std::string_view::npos) {
        --e;
        continue;
      }
      if (c == ')') {
        long open =
            std::count(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(e), '(');
        long close =
            std::count(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(e), ')');
        if (close > open) {
          --e;
          continue;
        }
      }
      break;
    }
    std::string_view host(t.data() + i + head, e - i - head);
    bool ok = !host.empty() && (head != 4 || host.find('.') != std::string_view::npos);
    if (ok) out.push_back({i, e});
    i = ok ? e : i + head;
  }
  return out;
}

void linkify_node(dom::Document& doc, dom::NodeId id) {
  if (doc[id].kind == dom::NodeKind::Element) {
    const std::string& tag = doc[id].tag;
    if (tag == "a" || tag == "code" || tag == "pre") return;
  }
  std::vector<dom::NodeId> kids = doc[id].children;
  std::vector<dom::NodeId> replaced;
  bool changed = false;
  for (dom::NodeId c : kids) {
    if (doc[c].kind != dom::NodeKind::Text) {
      if (doc[c].kind == dom::NodeKind::Element) linkify_node(doc, c);
      replaced.push_back(c);
      continue;
    }
    std::string text = doc[c].text;
    auto found = urls_find(text);
    if (found.empty()) {
      replaced.push_back(c);
      continue;
    }
    changed = true;
    Span span = doc[c].span;
    size_t at = 0;
    auto add_text = [&](size_t b, size_t e) {
      if (e <= b) return;
      dom::Node t;
      t.kind = dom::NodeKind::Text;
      t.text = text.substr(b, e - b);
      t.span = span;
      replaced.push_back(doc.add(std::move(t), dom::no_node));
    };
    for (auto [b, e] : found) {
      add_text(at, b);
      std::string url = text.substr(b, e - b);
      dom::Node a;
      a.tag = "a";
      a.span = span;
      dom::Attr href;
      href.name = "href";
      href.value = ascii_lower(url.substr(0, 4)) == "www." ? "http://" + url : url;
      a.attrs.push_back(std::move(href));
      dom::NodeId aid = doc.add(std::move(a), dom::no_node);
      dom::Node t;
      t.kind = dom::NodeKind::Text;
      t.text = url;
      t.span = span;
      doc.add(std::move(t), aid);
      replaced.push_back(aid);
      at = e;
    }
    add_text(at, text.size());
  }
  if (!changed) return;
  for (dom::NodeId c : replaced) doc[c].parent = id;
  doc[id].children = std::move(replaced);
}

}  // namespace

void linkify(dom::Document& doc, dom::NodeId root) {
  if (root == dom::no_node || root >= doc.nodes.size()) return;
  linkify_node(doc, root);
}

}  // namespace deckpdf::markdown
