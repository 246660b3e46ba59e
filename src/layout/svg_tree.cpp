// layout/svg_tree — SVG files (pugixml) and inline `svg` elements (the
// deck's dom) read into svg::Tree within the budgets.
#include "layout/svg_tree.h"

#include <pugixml.hpp>

#include "source/strings.h"

namespace deckpdf::layout::svg {

namespace {

// Strips the svg namespace's own prefix (`svg:rect`); others stay.
std::string element_name(std::string_view raw) {
  std::string name = ascii_lower(raw);
  if (name.rfind("svg:", 0) == 0) name.erase(0, 4);
  return name;
}

// Builds the tree depth-first with an explicit stack: no recursion over
// the input, whatever its depth.
class Builder {
 public:
  Builder(Tree& tree, const Limits& limits) : tree_(tree), limits_(limits) {}

  // A new node under `parent` (or the root when parent is npos); false when
  // the element budget is spent.
  bool add(uint32_t parent, Node node, uint32_t& id) {
    if (tree_.nodes.size() >= limits_.max_elements) {
      problem("has more than " + std::to_string(limits_.max_elements) +
              " elements; the rest is left out");
      return false;
    }
    id = static_cast<uint32_t>(tree_.nodes.size());
    tree_.nodes.push_back(std::move(node));
    if (parent != npos) tree_.nodes[parent].children.push_back(id);
    return true;
  }
  void too_deep() {
    problem("nests elements deeper than " + std::to_string(limits_.max_depth) +
            " levels; the deeper ones are left out");
  }
  void problem(std::string p) {
    for (const std::string& q : tree_.problems) {
      if (q == p) return;
    }
    tree_.problems.push_back(std::move(p));
  }
  const Limits& limits() const { return limits_; }
  static constexpr uint32_t npos = UINT32_MAX;

 private:
  Tree& tree_;
  const Limits& limits_;
};

}  // namespace

const std::string* Node::attr(std::string_view name) const {
  for (const auto& [k, v] : attrs) {
    if (k == name) return &v;
  }
  return nullptr;
}

Tree tree_from_xml(std::string_view bytes, const Limits& limits) {
  Tree tree;
  if (bytes.size() > limits.max_bytes) {
    tree.problems.push_back("is larger than " + std::to_string(limits.max_bytes >> 10) + " KB");
    return tree;
  }
  pugi::xml_document doc;
  // Entities other than the five predefined ones are never expanded by
  // pugixml (no DTD processing), so an entity bomb stays inert text.
  pugi::xml_parse_result parsed = doc.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
  if (!parsed) {
    tree.problems.push_back(std::string("is not well-formed XML (") + parsed.description() +
                            " at byte " + std::to_string(parsed.offset) + ")");
    return tree;
  }
  pugi::xml_node root = doc.document_element();
  if (element_name(root.name()) != "svg") {
    tree.problems.push_back("has no svg root element");
    return tree;
  }
  Builder b(tree, limits);
  struct Frame {
    pugi::xml_node node;
    uint32_t parent;
    int depth;
  };
  std::vector<Frame> stack{{root, Builder::npos, 0}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    Node n;
    uint32_t id = 0;
    if (f.node.type() == pugi::node_pcdata || f.node.type() == pugi::node_cdata) {
      n.text = f.node.value();
      if (!b.add(f.parent, std::move(n), id)) break;
      continue;
    }
    n.tag = element_name(f.node.name());
    for (pugi::xml_attribute a : f.node.attributes()) {
      n.attrs.emplace_back(ascii_lower(a.name()), a.value());
    }
    if (!b.add(f.parent, std::move(n), id)) break;
    if (f.depth + 1 > limits.max_depth) {
      if (f.node.first_child()) b.too_deep();
      continue;
    }
    // Children pushed in reverse, so that they come off the stack in order.
    std::vector<pugi::xml_node> kids;
    for (pugi::xml_node c : f.node.children()) {
      if (c.type() == pugi::node_element || c.type() == pugi::node_pcdata ||
          c.type() == pugi::node_cdata) {
        kids.push_back(c);
      }
    }
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, id, f.depth + 1});
  }
  return tree;
}

Tree tree_from_dom(const dom::Document& doc, dom::NodeId svg, const Limits& limits) {
  Tree tree;
  Builder b(tree, limits);
  struct Frame {
    dom::NodeId node;
    uint32_t parent;
    int depth;
  };
  std::vector<Frame> stack{{svg, Builder::npos, 0}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    const dom::Node& d = doc[f.node];
    Node n;
    uint32_t id = 0;
    if (d.kind == dom::NodeKind::Text) {
      n.text = d.text;
      if (!b.add(f.parent, std::move(n), id)) break;
      continue;
    }
    if (d.kind != dom::NodeKind::Element) continue;
    n.tag = element_name(d.tag);
    for (const dom::Attr& a : d.attrs) n.attrs.emplace_back(ascii_lower(a.name), a.value);
    if (!d.classes.empty()) {
      std::string cls;
      for (const std::string& c : d.classes) cls += (cls.empty() ? "" : " ") + c;
      n.attrs.emplace_back("class", cls);
    }
    if (!b.add(f.parent, std::move(n), id)) break;
    if (f.depth + 1 > limits.max_depth) {
      if (!d.children.empty()) b.too_deep();
      continue;
    }
    for (auto it = d.children.rbegin(); it != d.children.rend(); ++it) {
      stack.push_back({*it, id, f.depth + 1});
    }
  }
  return tree;
}

}  // namespace deckpdf::layout::svg
