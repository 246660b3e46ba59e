// markdown/markdown.cpp — md4c callbacks → dom nodes.
//
// Like md4c-html.c, this is one client of md4c's public callbacks; instead of
// writing HTML it adds nodes to a dom::Document. Where md4c and markdown-it
// (the reference `:markdown-it` filter) differ in output, this follows
// markdown-it:
//   - strikethrough is <s>, not <del>;
//   - table cell alignment is style="text-align:…";
//   - fenced code gets class="language-<first word of info>";
//   - an image's alt is the plain text of its label;
//   - link and image URLs are percent-encoded like mdurl.encode.
#include "markdown/markdown.h"

#include <md4c.h>

#include <algorithm>

#include "dom/entities.h"
#include "dom/html.h"

namespace deckpdf::markdown {

void MarkdownText::append(std::string_view line, uint32_t source_offset) {
  pieces.push_back({static_cast<uint32_t>(text.size()), source_offset});
  text.append(line);
}

void MarkdownText::append_synthetic(std::string_view s) {
  // Synthetic text maps to the end of the previous piece.
  uint32_t src = 0;
  if (!pieces.empty())
    src = pieces.back().source + (static_cast<uint32_t>(text.size()) - pieces.back().at);
  pieces.push_back({static_cast<uint32_t>(text.size()), src});
  text.append(s);
  pieces.push_back({static_cast<uint32_t>(text.size()), src});
}

uint32_t MarkdownText::source_offset(uint32_t at) const {
  if (pieces.empty()) return at;
  auto it = std::upper_bound(pieces.begin(), pieces.end(), at,
                             [](uint32_t a, const Piece& p) { return a < p.at; });
  if (it == pieces.begin()) return pieces.front().source;
  --it;
  // Synthetic pieces are followed by a piece at the same source offset, so a
  // position inside one maps to its start.
  auto next = it + 1;
  if (next != pieces.end() && next->source == it->source && next->at > it->at) return it->source;
  return it->source + (at - it->at);
}

std::string url_normalize(std::string_view url) {
  static const char* hex = "0123456789ABCDEF";
  auto is_hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  std::string out;
  for (size_t i = 0; i < url.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                (c < 0x80 && std::string_view(";/?:@&=+$,-_.!~*'()#").find(static_cast<char>(c)) !=
                                 std::string_view::npos);
    if (c == '%' && i + 2 < url.size() + 0 && is_hex(url[i + 1]) && is_hex(url[i + 2])) {
      keep = true;
    }
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

namespace {

constexpr size_t max_depth = 256;

struct Open {
  dom::NodeId id;
  bool real;          // false: too deep, nothing was opened
  bool html = false;  // opened by raw HTML (closed when its Markdown parent ends)
  bool seen = false;  // a source position was seen inside
};

class Builder {
 public:
  Builder(const MarkdownText& md, const Options& options, dom::Document& doc, dom::NodeId parent,
          Span fallback, Diagnostics& diags)
      : md_(md), options_(options), doc_(doc), fallback_(fallback), diags_(diags) {
    stack_.push_back({parent, true, false, true});
  }

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_DOC: return 0;
      case MD_BLOCK_QUOTE: push("blockquote"); return 0;
      case MD_BLOCK_UL: push("ul"); return 0;
      case MD_BLOCK_OL: {
        dom::NodeId id = push("ol");
        auto* d = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
        if (id != dom::no_node && d->start != 1) attr_set(id, "start", std::to_string(d->start));
        return 0;
      }
      case MD_BLOCK_LI: push("li"); return 0;
      case MD_BLOCK_HR: push("hr"); return 0;
      case MD_BLOCK_H: {
        auto* d = static_cast<MD_BLOCK_H_DETAIL*>(detail);
        unsigned level = std::clamp(d->level, 1u, 6u);
        push("h" + std::to_string(level));
        return 0;
      }
      case MD_BLOCK_CODE: {
        auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        push("pre");
        dom::NodeId code = push("code");
        if (code != dom::no_node && options_.code_info) {
          options_.code_info(doc_[code], attribute_text(d->info));
        } else if (std::string lang = attribute_text(d->lang);
                   code != dom::no_node && !lang.empty()) {
          doc_[code].classes.push_back("language-" + lang);
        }
        in_code_block_ = true;
        return 0;
      }
      case MD_BLOCK_HTML: return 0;  // its text arrives as MD_TEXT_HTML
      case MD_BLOCK_P: push("p"); return 0;
      case MD_BLOCK_TABLE: push("table"); return 0;
      case MD_BLOCK_THEAD: push("thead"); return 0;
      case MD_BLOCK_TBODY: push("tbody"); return 0;
      case MD_BLOCK_TR: push("tr"); return 0;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: {
        dom::NodeId id = push(type == MD_BLOCK_TH ? "th" : "td");
        auto* d = static_cast<MD_BLOCK_TD_DETAIL*>(detail);
        const char* align = d->align == MD_ALIGN_LEFT     ? "left"
                            : d->align == MD_ALIGN_CENTER ? "center"
                            : d->align == MD_ALIGN_RIGHT  ? "right"
                                                          : nullptr;
        if (id != dom::no_node && align) {
          attr_set(id, "style", std::string("text-align:") + align);
        }
        return 0;
      }
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_DOC:
      case MD_BLOCK_HTML: return 0;
      case MD_BLOCK_CODE:
        in_code_block_ = false;
        pop();  // code
        pop();  // pre
        return 0;
      default: pop(); return 0;
    }
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    if (image_depth_ > 0) {
      if (type == MD_SPAN_IMG) ++image_depth_;
      return 0;
    }
    switch (type) {
      case MD_SPAN_EM: push("em"); return 0;
      case MD_SPAN_STRONG: push("strong"); return 0;
      case MD_SPAN_A: {
        auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
        dom::NodeId id = push("a");
        if (id != dom::no_node) {
          attr_set(id, "href", url_normalize(attribute_text(d->href)));
          std::string title = attribute_text(d->title);
          if (!title.empty()) attr_set(id, "title", title);
        }
        return 0;
      }
      case MD_SPAN_IMG: {
        auto* d = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
        dom::NodeId id = push("img");
        image_ = id;
        image_alt_.clear();
        ++image_depth_;
        if (id != dom::no_node) {
          attr_set(id, "src", url_normalize(attribute_text(d->src)));
          image_title_ = attribute_text(d->title);
        }
        return 0;
      }
      case MD_SPAN_CODE:
        push("code");
        in_code_span_ = true;
        return 0;
      case MD_SPAN_DEL: push("s"); return 0;
      case MD_SPAN_U: push("u"); return 0;
      default: push("span"); return 0;
    }
  }

  int leave_span(MD_SPANTYPE type, void*) {
    if (image_depth_ > 0) {
      if (type != MD_SPAN_IMG) return 0;
      if (--image_depth_ > 0) return 0;
      if (image_ != dom::no_node) {
        attr_set(image_, "alt", image_alt_);
        if (!image_title_.empty()) attr_set(image_, "title", image_title_);
      }
      pop();
      return 0;
    }
    if (type == MD_SPAN_CODE) in_code_span_ = false;
    pop();
    return 0;
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* p, MD_SIZE size) {
    std::string_view s(p, size);
    Span span = span_of(p, size);
    std::string decoded;
    switch (type) {
      case MD_TEXT_NULLCHAR: decoded = "\xEF\xBF\xBD"; break;
      case MD_TEXT_BR:
        if (image_depth_ > 0) {
          image_alt_ += "\n";
          return 0;
        }
        add_element("br", span);
        decoded = "\n";
        break;
      case MD_TEXT_SOFTBR:
        if (image_depth_ == 0 && options_.breaks && !in_code_span_) {
          add_element("br", span);
        }
        decoded = in_code_span_ ? " " : "\n";
        break;
      case MD_TEXT_ENTITY: {
        size_t used = dom::entity_decode_one(s, decoded, /*in_attribute*/ false);
        if (used != s.size()) decoded = std::string(s);
        break;
      }
      case MD_TEXT_HTML:
        if (image_depth_ == 0) {
          html(s, span);
          return 0;
        }
        decoded = std::string(s);
        break;
      default: decoded = std::string(s); break;
    }
    if (image_depth_ > 0) {
      image_alt_ += decoded;
      return 0;
    }
    add_text(decoded, span);
    return 0;
  }

  void finish() {
    while (stack_.size() > 1) pop();
  }

 private:
  // The span of md4c text at p, or an empty span when md4c made the text up.
  Span span_of(const MD_CHAR* p, MD_SIZE size) {
    const char* base = md_.text.data();
    if (p < base || p + size > base + md_.text.size()) {
      uint32_t at = last_end_ ? last_end_ : fallback_.begin;
      return {at, at};
    }
    uint32_t b = static_cast<uint32_t>(p - base);
    Span s{md_.source_offset(b), md_.source_offset(b + size - (size ? 1 : 0)) + (size ? 1 : 0)};
    if (s.end < s.begin) s.end = s.begin;
    last_end_ = s.end;
    // The innermost element grows; pop() passes its span on to the parent.
    for (size_t k = stack_.size(); k-- > 1;) {  // not the parent given to render()
      if (stack_[k].real) {
        grow(stack_[k], s);
        break;
      }
    }
    return s;
  }

  // Entries that opened nothing carry the id of the element they are in.
  dom::NodeId current() const { return stack_.back().id; }

  void grow(Open& o, Span s) {
    dom::Node& n = doc_[o.id];
    if (!o.seen) {
      n.span = s;
      o.seen = true;
    } else {
      n.span.begin = std::min(n.span.begin, s.begin);
      n.span.end = std::max(n.span.end, s.end);
    }
  }

  dom::NodeId push(const std::string& tag) {
    close_html();
    if (stack_.size() > max_depth) {
      if (!too_deep_reported_) {
        diags_.error(fallback_, "markdown.too-deep",
                     "Markdown nested more than " + std::to_string(max_depth) +
                         " levels deep; deeper levels are flattened");
        too_deep_reported_ = true;
      }
      stack_.push_back({current(), false});
      return dom::no_node;
    }
    dom::Node n;
    n.kind = dom::NodeKind::Element;
    n.tag = tag;
    n.span = {last_end_ ? last_end_ : fallback_.begin, last_end_ ? last_end_ : fallback_.begin};
    dom::NodeId id = doc_.add(std::move(n), current());
    stack_.push_back({id, true});
    return id;
  }

  void pop() {
    close_html();
    if (stack_.size() <= 1) return;
    Open o = stack_.back();
    stack_.pop_back();
    if (o.real && !o.seen) doc_[o.id].span = fallback_;
    // A parent's span covers its children's.
    if (o.real && o.seen) {
      Span cs = doc_[o.id].span;
      for (size_t k = stack_.size(); k-- > 1;) {
        if (stack_[k].real) {
          grow(stack_[k], cs);
          break;
        }
      }
    }
  }

  // Elements opened by raw HTML end with the Markdown element around them.
  void close_html() {
    while (stack_.size() > 1 && stack_.back().html) stack_.pop_back();
  }

  void add_element(const char* tag, Span span) {
    dom::Node n;
    n.kind = dom::NodeKind::Element;
    n.tag = tag;
    n.span = span;
    doc_.add(std::move(n), current());
  }

  void add_text(const std::string& s, Span span) {
    if (s.empty()) return;
    dom::Node& parent = doc_[current()];
    if (!parent.children.empty()) {
      dom::Node& last = doc_[parent.children.back()];
      if (last.kind == dom::NodeKind::Text) {
        last.text += s;
        last.span.end = std::max(last.span.end, span.end);
        return;
      }
    }
    dom::Node t;
    t.kind = dom::NodeKind::Text;
    t.text = s;
    t.span = span;
    doc_.add(std::move(t), current());
  }

  // Raw HTML (only with the `html` option): read into elements.
  void html(std::string_view s, Span span) {
    size_t first_html = stack_.size();
    while (first_html > 1 && stack_[first_html - 1].html) --first_html;
    dom::NodeId base = current();
    // The base is the innermost Markdown element below the HTML ones.
    for (size_t k = first_html; k-- > 0;) {
      if (stack_[k].real) {
        base = stack_[k].id;
        break;
      }
    }
    dom::HtmlBuilder b(doc_, base, max_depth);
    for (size_t k = first_html; k < stack_.size(); ++k) b.open(stack_[k].id);
    b.feed(s, span.begin);
    stack_.resize(first_html);
    for (dom::NodeId id : b.unclosed()) stack_.push_back({id, true, true, true});
  }

  std::string attribute_text(const MD_ATTRIBUTE& a) {
    std::string out;
    if (a.size == 0 || a.substr_offsets == nullptr) return out;
    for (size_t k = 0; a.substr_offsets[k] < a.size; ++k) {
      MD_OFFSET b = a.substr_offsets[k];
      MD_OFFSET e = a.substr_offsets[k + 1];
      std::string_view piece(a.text + b, e - b);
      switch (a.substr_types[k]) {
        case MD_TEXT_NULLCHAR: out += "\xEF\xBF\xBD"; break;
        case MD_TEXT_ENTITY: {
          std::string d;
          size_t used = dom::entity_decode_one(piece, d, /*in_attribute*/ false);
          out += used == piece.size() ? d : std::string(piece);
          break;
        }
        default: out.append(piece); break;
      }
    }
    return out;
  }

  void attr_set(dom::NodeId id, const std::string& name, const std::string& value) {
    dom::Attr a;
    a.name = name;
    a.value = value;
    a.span = doc_[id].span;
    doc_[id].attrs.push_back(std::move(a));
  }

  const MarkdownText& md_;
  const Options& options_;
  dom::Document& doc_;
  Span fallback_;
  Diagnostics& diags_;
  std::vector<Open> stack_;
  uint32_t last_end_ = 0;
  bool in_code_block_ = false;
  bool in_code_span_ = false;
  int image_depth_ = 0;
  dom::NodeId image_ = dom::no_node;
  std::string image_alt_;
  std::string image_title_;
  bool too_deep_reported_ = false;
};

int cb_enter_block(MD_BLOCKTYPE t, void* d, void* u) {
  return static_cast<Builder*>(u)->enter_block(t, d);
}
int cb_leave_block(MD_BLOCKTYPE t, void* d, void* u) {
  return static_cast<Builder*>(u)->leave_block(t, d);
}
int cb_enter_span(MD_SPANTYPE t, void* d, void* u) {
  return static_cast<Builder*>(u)->enter_span(t, d);
}
int cb_leave_span(MD_SPANTYPE t, void* d, void* u) {
  return static_cast<Builder*>(u)->leave_span(t, d);
}
int cb_text(MD_TEXTTYPE t, const MD_CHAR* p, MD_SIZE n, void* u) {
  return static_cast<Builder*>(u)->text(t, p, n);
}

}  // namespace

bool render(const MarkdownText& md, const Options& options, dom::Document& doc, dom::NodeId parent,
            Span fallback, Diagnostics& diags) {
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
  if (!options.html) parser.flags |= MD_FLAG_NOHTML;
  if (options.linkify) parser.flags |= MD_FLAG_PERMISSIVEAUTOLINKS;
  parser.enter_block = cb_enter_block;
  parser.leave_block = cb_leave_block;
  parser.enter_span = cb_enter_span;
  parser.leave_span = cb_leave_span;
  parser.text = cb_text;
  size_t first_new = doc.nodes.size();
  Builder builder(md, options, doc, parent, fallback, diags);
  int rc = md_parse(md.text.data(), static_cast<MD_SIZE>(md.text.size()), &parser, &builder);
  builder.finish();
  // Raw HTML is read by dom::HtmlBuilder, which counts offsets as if the
  // HTML lay unbroken in the deck; across the lines of an indented filter it
  // does not, and spans drift by the indentation, up to past the end of the
  // file (found by fuzz_markdown). Keep every span inside the block.
  uint32_t end = fallback.end;
  if (!md.text.empty()) {
    end = std::max(end, md.source_offset(static_cast<uint32_t>(md.text.size() - 1)) + 1);
  }
  for (size_t k = first_new; k < doc.nodes.size(); ++k) {
    Span& s = doc.nodes[k].span;
    s.end = std::min(s.end, end);
    s.begin = std::min(s.begin, s.end);
  }
  if (rc != 0) {
    diags.error(fallback, "markdown.failed",
                "md4c could not render this Markdown (out of memory?)");
    return false;
  }
  return true;
}

}  // namespace deckpdf::markdown
