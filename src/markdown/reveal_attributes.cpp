// markdown/reveal_attributes — attribute comments (see reveal_attributes.h).
#include "markdown/reveal_attributes.h"

#include <memory>

#include "markdown/js_regex.h"
#include "source/strings.h"

namespace deckpdf::markdown {

namespace {

// Elements deeper than this are left alone (markdown/ and dom/ already
// bound nesting; this keeps the recursion's stack bounded on its own).
constexpr size_t max_depth = 512;

bool is_element(const dom::Node& n) {
  return n.kind == dom::NodeKind::Element;
}

// setAttribute: the name lower-cased, `class` replacing the classes.
void attribute_set(dom::Node& target, std::string name, const std::string& value, Span span) {
  name = ascii_lower(name);
  if (name == "class") {
    target.classes.clear();
    size_t i = 0;
    while (i < value.size()) {
      size_t j = value.find_first_of(" \t\n\f\r", i);
      if (j == std::string::npos) j = value.size();
      if (j > i) target.classes.push_back(value.substr(i, j - i));
      i = j + 1;
    }
    return;
  }
  for (dom::Attr& a : target.attrs) {
    if (a.name == name) {
      a.value = value;
      a.boolean = false;
      return;
    }
  }
  target.attrs.push_back({name, value, false, span});
}

class Pass {
 public:
  Pass(dom::Document& doc, const std::string& element_re, const std::string& slide_re,
       const BlankBefore& blank_before)
      : doc_(doc), blank_before_(blank_before) {
    element_ = JsRegex::compile(element_re, "m", nullptr);
    slide_ = JsRegex::compile(slide_re, "m", nullptr);
    pair_ = JsRegex::compile(R"re(([^"= ]+?)="([^"]+?)"|(data-[^"= ]+?)(?=[" ]))re", "m", nullptr);
  }

  // addAttributes(section, element, previousElement, ...). The plugin's
  // test `childElement.nodeName === 'section'` never holds in an HTML page
  // (nodeName is upper case), so the section stays the slide throughout.
  void visit(dom::NodeId section, dom::NodeId id, dom::NodeId previous, size_t depth) {
    if (depth > max_depth) return;
    dom::Node& node = doc_[id];
    if (!node.children.empty()) {
      previous = id;
      std::vector<dom::NodeId> children = node.children;  // setAttribute keeps them
      for (size_t a = 0; a < children.size(); ++a) {
        for (size_t e = a; e-- > 0;) {
          const dom::Node& before = doc_[children[e]];
          if (is_element(before) && before.tag != "br") {
            previous = children[e];
            break;
          }
        }
        const dom::Node& child = doc_[children[a]];
        if (is_element(child) || child.kind == dom::NodeKind::Comment) {
          visit(section, children[a], previous, depth + 1);
        }
      }
    }
    if (doc_[id].kind != dom::NodeKind::Comment) return;
    dom::NodeId target = previous;
    const dom::Node& t = doc_[target];
    if ((t.tag == "ul" || t.tag == "ol") && !blank_before_comment(id)) {
      for (size_t k = t.children.size(); k-- > 0;) {
        if (is_element(doc_[t.children[k]])) {
          target = t.children[k];
          break;
        }
      }
    }
    if (!apply(id, target, element_.get())) apply(id, section, slide_.get());
  }

  size_t applied() const { return applied_; }

 private:
  // /\n[ \t]*\n/ on the comment's previous sibling's text.
  bool blank_before_comment(dom::NodeId id) {
    const dom::Node& c = doc_[id];
    if (c.parent == dom::no_node) return false;
    const std::vector<dom::NodeId>& siblings = doc_[c.parent].children;
    for (size_t k = 0; k < siblings.size(); ++k) {
      if (siblings[k] != id) continue;
      if (k == 0) return false;
      const dom::Node& before = doc_[siblings[k - 1]];
      if (before.kind == dom::NodeKind::Text) {
        const std::string& s = before.text;
        for (size_t i = s.find('\n'); i != std::string::npos; i = s.find('\n', i + 1)) {
          size_t j = s.find_first_not_of(" \t", i + 1);
          if (j != std::string::npos && s[j] == '\n') return true;
        }
        return false;
      }
      return blank_before_(c.span.begin);
    }
    return false;
  }

  // addAttributeInElement: the first match in the comment's text is cut
  // out of it, its first group read as name="value" pairs (or bare data-x).
  bool apply(dom::NodeId comment, dom::NodeId target, const JsRegex* regex) {
    if (!regex || !pair_) return false;
    std::string text = doc_[comment].text;
    JsRegex::Groups m;
    if (!regex->search(text, 0, m)) return false;
    // An unset group reads as the string "undefined", with no pairs in it.
    std::string list = m.size() > 1 && m[1].begin != JsRegex::npos
                           ? text.substr(m[1].begin, m[1].end - m[1].begin)
                           : std::string("undefined");
    doc_[comment].text = text.substr(0, m[0].begin) + text.substr(m[0].end);
    Span span = doc_[comment].span;
    JsRegex::Groups p;
    size_t from = 0;
    while (from <= list.size() && pair_->search(list, from, p)) {
      auto group = [&](size_t g) { return list.substr(p[g].begin, p[g].end - p[g].begin); };
      if (p[2].begin != JsRegex::npos) {
        attribute_set(doc_[target], group(1), group(2), span);
      } else {
        attribute_set(doc_[target], group(3), "", span);
      }
      from = p[0].end > p[0].begin ? p[0].end : p[0].end + 1;
    }
    ++applied_;
    return true;
  }

  dom::Document& doc_;
  const BlankBefore& blank_before_;
  std::unique_ptr<JsRegex> element_, slide_, pair_;
  size_t applied_ = 0;
};

}  // namespace

size_t attribute_comments(dom::Document& doc, dom::NodeId section, const std::string& element_re,
                          const std::string& slide_re, const BlankBefore& blank_before) {
  Pass pass(doc, element_re, slide_re, blank_before);
  pass.visit(section, section, dom::no_node, 0);
  return pass.applied();
}

}  // namespace deckpdf::markdown
