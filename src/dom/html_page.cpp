// dom/html_page — gumbo's tree into ours (see html_page.h).
#include "dom/html_page.h"

#include <gumbo.h>

#include <algorithm>

#include "source/strings.h"

namespace deckpdf::dom {

namespace {

// gumbo frees its tree recursively: its depth, bounded by the number of
// start tags, must stay far from the stack's end on any thread.
constexpr size_t max_start_tags = 50'000;
constexpr size_t max_depth = 256;

std::string tag_name(const GumboNode* n) {
  const GumboElement& e = n->v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  return ascii_lower(std::string_view(piece.data, piece.length));
}

bool has_class(const GumboNode* n, std::string_view name) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, "class");
  if (!a) return false;
  std::string_view v = a->value;
  size_t i = 0;
  while (i < v.size()) {
    size_t j = std::min(v.find_first_of(" \t\n\f\r", i), v.size());
    if (v.substr(i, j - i) == name) return true;
    i = j + 1;
  }
  return false;
}

class Reader {
 public:
  Reader(const Source& source, uint32_t body, HtmlPage& page)
      : text_(source.text()), body_(body), page_(page) {}

  // Element `n`'s subtree under `parent` (iterative: depth is the page's).
  void copy(const GumboNode* top, NodeId parent) {
    struct Item {
      const GumboNode* node;
      NodeId parent;
      size_t depth;
    };
    std::vector<Item> stack{{top, parent, 0}};
    while (!stack.empty()) {
      Item it = stack.back();
      stack.pop_back();
      NodeId made = add(it.node, it.parent);
      if (made == no_node || it.node->type != GUMBO_NODE_ELEMENT) continue;
      // Past the depth bound the children go to the deepest element kept.
      NodeId under = it.depth < max_depth ? made : it.parent;
      const GumboVector& kids = it.node->v.element.children;
      for (size_t k = kids.length; k-- > 0;) {
        stack.push_back({static_cast<const GumboNode*>(kids.data[k]), under, it.depth + 1});
      }
    }
  }

 private:
  Span span(GumboSourcePosition begin, GumboSourcePosition end) const {
    uint32_t b = body_ + std::min<uint32_t>(begin.offset, text_.size() - body_);
    uint32_t e =
        body_ + std::min<uint32_t>(std::max(end.offset, begin.offset), text_.size() - body_);
    return {b, e};
  }

  NodeId add(const GumboNode* g, NodeId parent) {
    Node n;
    switch (g->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& e = g->v.element;
        n.kind = NodeKind::Element;
        n.tag = tag_name(g);
        n.span = span(e.start_pos, e.end_pos);
        for (size_t k = 0; k < e.attributes.length; ++k) {
          auto* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
          std::string name = a->name;
          if (name == "class") {
            std::string_view v = a->value;
            size_t i = 0;
            while (i < v.size()) {
              size_t j = std::min(v.find_first_of(" \t\n\f\r", i), v.size());
              if (j > i) n.classes.emplace_back(v.substr(i, j - i));
              i = j + 1;
            }
            continue;
          }
          Attr attr;
          attr.name = name;
          attr.value = a->value;
          attr.span = span(a->name_start, a->value_end);
          n.attrs.push_back(std::move(attr));
        }
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_COMMENT: {
        const GumboText& t = g->v.text;
        n.kind = g->type == GUMBO_NODE_COMMENT ? NodeKind::Comment : NodeKind::Text;
        n.text = t.text;
        GumboSourcePosition end = t.start_pos;
        end.offset += static_cast<unsigned>(t.original_text.length);
        n.span = span(t.start_pos, end);
        break;
      }
      default: return no_node;
    }
    return page_.doc.add(std::move(n), parent);
  }

  std::string_view text_;
  uint32_t body_;
  HtmlPage& page_;
};

// The first element (preorder) that `want` accepts, below `n`.
template <class F>
const GumboNode* find(const GumboNode* n, F&& want) {
  std::vector<const GumboNode*> stack{n};
  while (!stack.empty()) {
    const GumboNode* g = stack.back();
    stack.pop_back();
    if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_DOCUMENT) continue;
    if (g != n && want(g)) return g;
    const GumboVector& kids =
        g->type == GUMBO_NODE_DOCUMENT ? g->v.document.children : g->v.element.children;
    for (size_t k = kids.length; k-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(kids.data[k]));
  }
  return nullptr;
}

// Every element (preorder) that `want` accepts.
template <class F>
void each(const GumboNode* n, F&& f) {
  std::vector<const GumboNode*> stack{n};
  while (!stack.empty()) {
    const GumboNode* g = stack.back();
    stack.pop_back();
    if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_DOCUMENT) continue;
    if (g->type == GUMBO_NODE_ELEMENT) f(g);
    const GumboVector& kids =
        g->type == GUMBO_NODE_DOCUMENT ? g->v.document.children : g->v.element.children;
    for (size_t k = kids.length; k-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(kids.data[k]));
  }
}

std::string text_of(const GumboNode* n) {
  std::string out;
  const GumboVector& kids = n->v.element.children;
  for (size_t k = 0; k < kids.length; ++k) {
    auto* c = static_cast<const GumboNode*>(kids.data[k]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
        c->type == GUMBO_NODE_CDATA) {
      out += c->v.text.text;
    }
  }
  return out;
}

}  // namespace

HtmlPage html_page_read(const Source& source, uint32_t body, Diagnostics& diags) {
  HtmlPage page;
  std::string_view text = source.text().substr(std::min<size_t>(body, source.text().size()));
  size_t tags = static_cast<size_t>(std::count(text.begin(), text.end(), '<'));
  if (tags > max_start_tags) {
    diags.error({body, body}, "html.too-many-tags",
                "the page has " + std::to_string(tags) + " tags, past the limit of " +
                    std::to_string(max_start_tags) + "; it is not read");
    return page;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // gumbo's parse errors are not ours to report
  GumboOutput* out = gumbo_parse_with_options(&options, text.data(), text.size());
  Reader reader(source, body, page);
  page.doc[page.doc.root].span = {body, static_cast<uint32_t>(source.text().size())};
  const GumboNode* slides =
      find(out->document, [](const GumboNode* g) { return has_class(g, "reveal") ? true : false; });
  if (slides) slides = find(slides, [](const GumboNode* g) { return has_class(g, "slides"); });
  const GumboNode* holder = slides ? slides : find(out->document, [](const GumboNode* g) {
    return g->v.element.tag == GUMBO_TAG_BODY;
  });
  if (!slides) {
    diags.warning({body, body}, "html.no-slides",
                  "the page has no `.reveal .slides` element; its body's sections are the slides");
  }
  if (holder) {
    const GumboVector& kids = holder->v.element.children;
    for (size_t k = 0; k < kids.length; ++k) {
      reader.copy(static_cast<const GumboNode*>(kids.data[k]), page.doc.root);
    }
  }
  each(out->document, [&](const GumboNode* g) {
    GumboTag tag = g->v.element.tag;
    if (tag == GUMBO_TAG_TITLE && page.title.empty()) {
      page.title = squash_spaces(text_of(g));
    } else if (tag == GUMBO_TAG_HTML) {
      if (const GumboAttribute* lang = gumbo_get_attribute(&g->v.element.attributes, "lang")) {
        page.lang = lang->value;
      }
    } else if (tag == GUMBO_TAG_LINK || tag == GUMBO_TAG_STYLE) {
      bool inside = false;
      for (const GumboNode* p = g->parent; p; p = p->parent) inside = inside || p == holder;
      if (!inside) reader.copy(g, page.doc.root);
    } else if (tag == GUMBO_TAG_SCRIPT && !gumbo_get_attribute(&g->v.element.attributes, "src")) {
      const GumboVector& kids = g->v.element.children;
      if (kids.length == 0) return;
      auto* t = static_cast<const GumboNode*>(kids.data[0]);
      page.scripts.push_back({text_of(g), body + t->v.text.start_pos.offset});
    }
  });
  gumbo_destroy_output(&options, out);
  return page;
}

}  // namespace deckpdf::dom
