// dom/html.cpp — a small reader for HTML found in deck text (see html.h).
#include "dom/html.h"

#include "dom/entities.h"
#include "source/strings.h"

namespace deckpdf::dom {

void classes_append(std::vector<std::string>& classes, std::string_view value) {
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n' ||
                                value[i] == '\r' || value[i] == '\f')) {
      ++i;
    }
    size_t b = i;
    while (i < value.size() && !(value[i] == ' ' || value[i] == '\t' || value[i] == '\n' ||
                                 value[i] == '\r' || value[i] == '\f')) {
      ++i;
    }
    if (i > b) classes.emplace_back(value.substr(b, i - b));
  }
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_raw_text_element(std::string_view tag) {
  return tag == "script" || tag == "style";
}

}  // namespace

HtmlBuilder::HtmlBuilder(Document& doc, NodeId parent, size_t max_depth)
    : doc_(doc), max_depth_(max_depth) {
  open_.push_back(parent);
}

void HtmlBuilder::add_text(std::string_view text, Span span) {
  if (text.empty()) return;
  Node& parent = doc_[current()];
  if (!parent.children.empty()) {
    Node& last = doc_[parent.children.back()];
    if (last.kind == NodeKind::Text) {
      last.text += text;
      if (span.end > last.span.end) last.span.end = span.end;
      return;
    }
  }
  Node t;
  t.kind = NodeKind::Text;
  t.text = std::string(text);
  t.span = span;
  doc_.add(std::move(t), current());
}

NodeId HtmlBuilder::add(Node node) {
  return doc_.add(std::move(node), current());
}

void HtmlBuilder::open(NodeId id) {
  if (open_.size() > max_depth_) {
    ++too_deep_;
    return;
  }
  open_.push_back(id);
}

void HtmlBuilder::close() {
  if (open_.size() > 1) open_.pop_back();
}

bool HtmlBuilder::close_tag(std::string_view name) {
  for (size_t k = open_.size(); k-- > 1;) {
    if (doc_[open_[k]].tag == name) {
      open_.resize(k);
      return true;
    }
  }
  return false;
}

void HtmlBuilder::feed(std::string_view s, uint32_t at) {
  std::string text;  // decoded text not yet added
  uint32_t text_begin = at;
  auto flush = [&](size_t upto) {
    if (!text.empty()) add_text(text, {text_begin, at + static_cast<uint32_t>(upto)});
    text.clear();
  };
  size_t i = 0;
  while (i < s.size()) {
    if (text.empty()) text_begin = at + static_cast<uint32_t>(i);
    if (!raw_text_tag_.empty()) {
      // Inside <script> or <style>: everything up to the end tag is text.
      std::string close = "</" + raw_text_tag_;
      size_t end = i;
      while (end < s.size()) {
        if (s[end] == '<' && ascii_lower(s.substr(end, close.size())) == close) break;
        ++end;
      }
      text.append(s.substr(i, end - i));
      i = end;
      if (i < s.size()) {
        flush(i);
        raw_text_tag_.clear();
      }
      continue;
    }
    char c = s[i];
    if (c == '&') {
      size_t used = entity_decode_one(s.substr(i), text, /*in_attribute*/ false);
      if (used) {
        i += used;
        continue;
      }
      text.push_back(c);
      ++i;
      continue;
    }
    if (c == '<') {
      size_t used = 0;
      bool markup = i + 1 < s.size() &&
                    (is_alpha(s[i + 1]) || s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?');
      if (markup) {
        flush(i);
        text_begin = at + static_cast<uint32_t>(i);
        used = read_tag(s, i, at);
      }
      if (used) {
        i += used;
        continue;
      }
    }
    text.push_back(c);
    ++i;
  }
  flush(s.size());
}

// Reads the markup at s[i] == '<'. Returns the bytes used, 0 when it is not
// markup after all (then it is text).
size_t HtmlBuilder::read_tag(std::string_view s, size_t i, uint32_t at) {
  size_t start = i;
  auto span_to = [&](size_t end) {
    return Span{at + static_cast<uint32_t>(start), at + static_cast<uint32_t>(end)};
  };
  if (s.substr(i, 4) == "<!--") {
    size_t end = s.find("-->", i + 4);
    size_t content_end = end == std::string_view::npos ? s.size() : end;
    size_t stop = end == std::string_view::npos ? s.size() : end + 3;
    Node n;
    n.kind = NodeKind::Comment;
    n.text = std::string(s.substr(i + 4, content_end - (i + 4)));
    n.span = span_to(stop);
    add(std::move(n));
    return stop - start;
  }
  if (s[i + 1] == '!' || s[i + 1] == '?') {
    // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>: kept as written.
    size_t end = s.substr(i, 9) == "<![CDATA[" ? s.find("]]>", i) : s.find('>', i);
    size_t stop = end == std::string_view::npos ? s.size() : end + (s[end] == ']' ? 3 : 1);
    Node n;
    n.kind = NodeKind::Raw;
    n.text = std::string(s.substr(i, stop - i));
    n.span = span_to(stop);
    add(std::move(n));
    return stop - start;
  }
  bool end_tag = s[i + 1] == '/';
  i += end_tag ? 2 : 1;
  if (i >= s.size() || !is_alpha(s[i])) return 0;
  size_t name_begin = i;
  while (i < s.size() && !is_space(s[i]) && s[i] != '/' && s[i] != '>') ++i;
  std::string name = ascii_lower(s.substr(name_begin, i - name_begin));
  if (end_tag) {
    size_t gt = s.find('>', i);
    size_t stop = gt == std::string_view::npos ? s.size() : gt + 1;
    if (!close_tag(name) && !is_void_element(name)) stray_.push_back(span_to(stop));
    return stop - start;
  }
  Node el;
  el.kind = NodeKind::Element;
  el.tag = name;
  bool self_closing = false;
  for (;;) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size()) break;
    if (s[i] == '>') {
      ++i;
      break;
    }
    if (s[i] == '/') {
      ++i;
      if (i < s.size() && s[i] == '>') {
        self_closing = true;
        ++i;
        break;
      }
      continue;
    }
    size_t attr_begin = i;
    ++i;  // the first character may be '=' in HTML; take it as part of the name
    while (i < s.size() && !is_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
    Attr a;
    a.name = std::string(s.substr(attr_begin, i - attr_begin));
    size_t j = i;
    while (j < s.size() && is_space(s[j])) ++j;
    if (j < s.size() && s[j] == '=') {
      i = j + 1;
      while (i < s.size() && is_space(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i];
        size_t close = s.find(q, i + 1);
        size_t vend = close == std::string_view::npos ? s.size() : close;
        a.value = entities_decode(s.substr(i + 1, vend - i - 1), /*in_attribute*/ true);
        i = close == std::string_view::npos ? s.size() : close + 1;
      } else {
        size_t vb = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
        a.value = entities_decode(s.substr(vb, i - vb), /*in_attribute*/ true);
      }
    }
    a.span = {at + static_cast<uint32_t>(attr_begin), at + static_cast<uint32_t>(i)};
    if (ascii_lower(a.name) == "class") {
      classes_append(el.classes, a.value);
    } else {
      bool dup = false;
      for (const Attr& other : el.attrs) dup = dup || other.name == a.name;
      if (!dup) el.attrs.push_back(std::move(a));
    }
  }
  el.span = span_to(i);
  NodeId id = add(std::move(el));
  if (!self_closing && !is_void_element(name)) {
    open(id);
    if (is_raw_text_element(name)) raw_text_tag_ = name;
  }
  return i - start;
}

}  // namespace deckpdf::dom
