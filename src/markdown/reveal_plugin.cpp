// markdown/reveal_plugin — reveal.js's markdown plugin on the tree (see
// reveal_plugin.h). Line references are to reveal.js 6.0.2's plugin.js.
#include "markdown/reveal_plugin.h"

#include <memory>
#include <unordered_map>

#include "markdown/js_regex.h"
#include "markdown/markdown.h"
#include "markdown/reveal_attributes.h"
#include "markdown/reveal_slides.h"
#include "source/files.h"
#include "source/strings.h"

namespace deckpdf::markdown {

namespace {

// An external Markdown file is read whole; past this it is refused.
constexpr size_t max_file_bytes = size_t{8} << 20;
constexpr size_t max_depth = 512;

bool is_element(const dom::Node& n) {
  return n.kind == dom::NodeKind::Element;
}

// CODE_LINE_NUMBER_REGEX: `[start: lines]` after a fence's language.
constexpr const char* line_numbers_re = "\\[\\s*((\\d*):)?\\s*([\\s\\d,|-]*)\\]";

class Expander {
 public:
  Expander(dom::Document& doc, const Source& deck, SourceSet& sources, const std::string& deck_dir,
           Diagnostics& diags)
      : doc_(doc), deck_(deck), sources_(sources), deck_dir_(deck_dir), diags_(diags) {
    line_numbers_ = JsRegex::compile(line_numbers_re, "", nullptr);
  }

  size_t run() {
    // processSlides: section[data-markdown]:not([data-markdown-parsed]).
    for (dom::NodeId id : marked_elements(true)) {
      if (attached(id)) process_section(id);
    }
    // convertSlides: whatever else carries data-markdown, converted in place.
    for (dom::NodeId id : marked_elements(false)) {
      if (attached(id)) convert_in_place(id);
    }
    return converted_;
  }

 private:
  std::vector<dom::NodeId> marked_elements(bool sections) const {
    std::vector<dom::NodeId> out;
    std::vector<dom::NodeId> stack{doc_.root};
    while (!stack.empty()) {
      dom::NodeId id = stack.back();
      stack.pop_back();
      const dom::Node& n = doc_[id];
      if (is_element(n) && n.attr("data-markdown") && !n.attr("data-markdown-parsed") &&
          (!sections || n.tag == "section")) {
        out.push_back(id);
      }
      for (size_t k = n.children.size(); k-- > 0;) stack.push_back(n.children[k]);
    }
    return out;
  }

  bool attached(dom::NodeId id) const {
    for (size_t depth = 0; id != dom::no_node && depth < doc_.nodes.size(); ++depth) {
      if (id == doc_.root) return true;
      id = doc_[id].parent;
    }
    return false;
  }

  // getAttribute(name) || fallback. A bare attribute in Pug without a
  // doctype is written `name="name"`; decks are served inside a page with
  // `doctype html`, where it is bare, so it reads as empty here.
  std::string attr_or(dom::NodeId id, const char* name, std::string_view fallback) const {
    if (id == dom::no_node) return std::string(fallback);
    for (const dom::Attr& a : doc_[id].attrs) {
      if (a.name == name) return a.boolean || a.value.empty() ? std::string(fallback) : a.value;
    }
    return std::string(fallback);
  }

  // --- the Markdown's text, with its offsets ---------------------------

  std::string_view text_at(uint32_t offset, uint32_t& base) const {
    base = 0;
    const std::shared_ptr<const Source>* file = sources_.find(offset, base);
    return file ? (*file)->text() : deck_.text();
  }

  // A text node's text mapped back to the source: whole when it is the
  // source's bytes, else line by line where each line is found (Pug's
  // text blocks drop their indentation).
  void map_text(const std::string& text, Span span, MappedText& out) const {
    uint32_t base = 0;
    std::string_view src = text_at(span.begin, base);
    size_t local = std::min<size_t>(span.begin - base, src.size());
    size_t end = std::min<size_t>(std::max(span.end, span.begin) - base, src.size());
    if (src.substr(local, end - local) == text) {
      out.append(text, span.begin);
      return;
    }
    size_t cursor = local, i = 0;
    while (i <= text.size()) {
      size_t nl = std::min(text.find('\n', i), text.size());
      std::string_view line(text.data() + i, nl - i);
      size_t at = line.empty() ? std::string_view::npos : src.substr(0, end).find(line, cursor);
      if (at != std::string_view::npos) {
        out.append(line, base + static_cast<uint32_t>(at));
        cursor = at + line.size();
      } else {
        out.append_made(line, base + static_cast<uint32_t>(cursor));
      }
      if (nl < text.size()) out.append_made("\n", base + static_cast<uint32_t>(cursor));
      i = nl + 1;
    }
  }

  // textContent. A textarea's or script's content is text to a browser
  // (RCDATA, raw text): what Pug's text read as comments and tags inside
  // it is written back.
  void text_content(dom::NodeId id, bool rcdata, bool top, MappedText& out, size_t depth) const {
    const dom::Node& n = doc_[id];
    if (depth > max_depth) return;
    if (n.kind == dom::NodeKind::Text || n.kind == dom::NodeKind::Raw) {
      map_text(n.text, n.span, out);
    } else if (n.kind == dom::NodeKind::Comment && rcdata) {
      out.append_made("<!--", n.span.begin);
      map_text(n.text, {n.span.begin + 4, n.span.begin + 4 + static_cast<uint32_t>(n.text.size())},
               out);
      out.append_made("-->", n.span.end);
    } else if (is_element(n) && rcdata && !top) {
      out.append_made(dom::to_html(doc_, id), n.span.begin);
    } else if (is_element(n)) {
      for (dom::NodeId c : n.children) text_content(c, rcdata, false, out, depth + 1);
    }
  }

  // getMarkdownFromSlide: [data-template], else script, else the element.
  MappedText template_text(dom::NodeId id) const {
    dom::NodeId holder = id, script = dom::no_node;
    std::vector<dom::NodeId> stack(doc_[id].children.rbegin(), doc_[id].children.rend());
    while (!stack.empty()) {
      dom::NodeId c = stack.back();
      stack.pop_back();
      const dom::Node& n = doc_[c];
      if (!is_element(n)) continue;
      if (n.attr("data-template")) {
        holder = c;
        script = dom::no_node;
        break;
      }
      if (n.tag == "script" && script == dom::no_node) script = c;
      for (size_t k = n.children.size(); k-- > 0;) stack.push_back(n.children[k]);
    }
    if (script != dom::no_node) holder = script;
    MappedText text;
    const std::string& tag = doc_[holder].tag;
    text_content(holder, tag == "textarea" || tag == "script", true, text, 0);
    utf8_sanitize(text.text);
    return template_dedent(text);
  }

  // --- the tree --------------------------------------------------------

  dom::NodeId add_element(const std::string& tag, dom::NodeId parent, Span span) {
    dom::Node n;
    n.tag = tag;
    n.span = span;
    return doc_.add(std::move(n), parent);
  }

  void set_attr(dom::NodeId id, const std::string& name, const std::string& value) {
    doc_[id].attrs.push_back({name, value, false, doc_[id].span});
  }

  // The new nodes (the last `count` children of the parent) take the place
  // of `old`, which leaves the tree.
  void replace(dom::NodeId old, size_t count) {
    dom::NodeId parent = doc_[old].parent;
    std::vector<dom::NodeId>& ch = doc_[parent].children;
    std::vector<dom::NodeId> made(ch.end() - static_cast<std::ptrdiff_t>(count), ch.end());
    ch.resize(ch.size() - count);
    for (size_t k = 0; k < ch.size(); ++k) {
      if (ch[k] != old) continue;
      ch.erase(ch.begin() + static_cast<std::ptrdiff_t>(k));
      ch.insert(ch.begin() + static_cast<std::ptrdiff_t>(k), made.begin(), made.end());
      break;
    }
    doc_[old].parent = dom::no_node;
  }

  // The plugin's code renderer: `<pre><code data-line-numbers="…"
  // data-ln-start-from="…" class="LANG">`, LANG the info string without
  // its `[…]`.
  void code_info(dom::Node& code, const std::string& info) const {
    std::string lang = info;
    JsRegex::Groups m;
    if (line_numbers_ && line_numbers_->search(lang, 0, m)) {
      auto group = [&](size_t g) {
        return m[g].begin == JsRegex::npos ? std::string()
                                           : lang.substr(m[g].begin, m[g].end - m[g].begin);
      };
      std::string start = group(2), lines(trim(group(3)));
      code.attrs.push_back({"data-line-numbers", lines, false, code.span});
      if (!start.empty()) code.attrs.push_back({"data-ln-start-from", start, false, code.span});
      lang = std::string(trim(lang.substr(0, m[0].begin) + lang.substr(m[0].end)));
    }
    size_t i = 0;
    while (i < lang.size()) {
      size_t j = std::min(lang.find_first_of(" \t", i), lang.size());
      if (j > i) code.classes.push_back(lang.substr(i, j - i));
      i = j + 1;
    }
  }

  void render_into(const MappedText& md, dom::NodeId parent) {
    Options options;
    options.html = true;     // marked passes HTML through
    options.linkify = true;  // GitHub's autolinks, on in marked
    options.code_info = [this](dom::Node& code, const std::string& info) { code_info(code, info); };
    render(md.to_markdown(), options, doc_, parent, doc_[parent].span, diags_);
  }

  // convertSlides for one element: its Markdown rendered into it, the
  // attribute comments applied.
  void convert(dom::NodeId id, const MappedText& md, const MappedText* notes) {
    render_into(md, id);
    if (notes) {
      dom::NodeId aside = add_element("aside", id, doc_[id].span);
      doc_[aside].classes.push_back("notes");
      render_into(*notes, aside);
    }
    dom::NodeId parent = doc_[id].parent;
    auto setting = [&](const char* name, const char* fallback) {
      std::string own = attr_or(id, name, "");
      return own.empty() ? attr_or(parent, name, fallback) : own;
    };
    std::unordered_map<uint32_t, size_t> index;  // source offset → first byte of md
    auto blank_before = [&](uint32_t at) {
      if (index.empty()) {
        for (size_t i = md.at.size(); i-- > 0;) index[md.at[i]] = i;
      }
      auto it = index.find(at);
      if (it == index.end()) return false;
      size_t i = it->second;
      int newlines = 0;
      while (i-- > 0 && newlines < 2) {
        char c = md.text[i];
        if (c == '\n') {
          ++newlines;
        } else if (c != ' ' && c != '\t') {
          break;
        }
      }
      return newlines >= 2;
    };
    attribute_comments(doc_, id, setting("data-element-attributes", default_element_attributes),
                       setting("data-attributes", default_slide_attributes), blank_before);
    set_attr(id, "data-markdown-parsed", "true");
    ++converted_;
  }

  void convert_in_place(dom::NodeId id) {
    MappedText md = template_text(id);
    dom::NodeId notes = dom::no_node;
    std::vector<dom::NodeId> stack(doc_[id].children.rbegin(), doc_[id].children.rend());
    while (!stack.empty() && notes == dom::no_node) {
      dom::NodeId c = stack.back();
      stack.pop_back();
      const dom::Node& n = doc_[c];
      if (!is_element(n)) continue;
      if (n.tag == "aside" && n.has_class("notes")) notes = c;
      for (size_t k = n.children.size(); k-- > 0;) stack.push_back(n.children[k]);
    }
    for (dom::NodeId c : doc_[id].children) doc_[c].parent = dom::no_node;
    doc_[id].children.clear();
    convert(id, md, nullptr);
    if (notes != dom::no_node) {
      doc_[notes].parent = id;
      doc_[id].children.push_back(notes);
    }
  }

  bool load_file(dom::NodeId id, const std::string& name, MappedText& out) {
    Span span = doc_[id].span;
    for (const dom::Attr& a : doc_[id].attrs) {
      if (a.name == "data-markdown") span = a.span;
    }
    auto refuse = [&](const std::string& why) {
      diags_.warning(span, "markdown.file-unread",
                     "the Markdown file '" + name + "' " + why +
                         "; the slide shows reveal.js's fetch error instead");
      return false;
    };
    if (name.find(':') != std::string::npos) return refuse("is a URL, and deckpdf reads no URLs");
    std::optional<std::filesystem::path> path = path_resolve_inside(deck_dir_, name);
    if (!path) return refuse("is not inside the deck's folder");
    std::optional<std::string> bytes = file_read_all(path->string(), max_file_bytes);
    if (!bytes) return refuse("cannot be read (missing, not a file, or over 8 MB)");
    auto file = std::make_shared<const Source>(path->string(), std::move(*bytes));
    std::optional<uint32_t> base = sources_.add(file);
    if (!base) return refuse("does not fit in the deck's span space");
    out.append(file->text(), *base);
    utf8_sanitize(out.text);
    return true;
  }

  void process_section(dom::NodeId id) {
    std::string name = attr_or(id, "data-markdown", "");
    MappedText text;
    dom::NodeId parent = doc_[id].parent;
    Span span = doc_[id].span;
    if (!name.empty() && !load_file(id, name, text)) {
      // The plugin's slide for a failed fetch (a file:// page gets status 0
      // in a browser; a server, 404: deckpdf has no server).
      dom::NodeId alert = add_element("section", parent, span);
      set_attr(alert, "data-state", "alert");
      dom::Node t;
      t.kind = dom::NodeKind::Text;
      t.span = span;
      t.text = "ERROR: The attempt to fetch " + name +
               " failed with HTTP status 404.Check your browser's JavaScript console for more "
               "details.";
      doc_.add(t, alert);
      dom::NodeId p = add_element("p", alert, span);
      t.text = "Remember that you need to serve the presentation HTML from a HTTP server.";
      doc_.add(t, p);
      replace(id, 1);
      return;
    }
    if (name.empty()) text = template_text(id);
    Separators seps;
    seps.separator = attr_or(id, "data-separator", default_separator);
    seps.vertical = attr_or(id, "data-separator-vertical", "");
    seps.notes = attr_or(id, "data-separator-notes", default_notes_separator);
    // getForwardedAttributes: every attribute but data-markdown,
    // data-separator*, …vertical…, …notes… (the test is a substring one).
    dom::Node forwarded;
    forwarded.classes = doc_[id].classes;
    std::unique_ptr<JsRegex> skip =
        JsRegex::compile("data\\-(markdown|separator|vertical|notes)", "i", nullptr);
    JsRegex::Groups m;
    for (const dom::Attr& a : doc_[id].attrs) {
      if (!skip || !skip->search(a.name, 0, m)) forwarded.attrs.push_back(a);
    }
    warn_lost_notes(id);
    size_t made = 0;
    if (slides_make(text, seps, parent, span, forwarded, made)) replace(id, made);
  }

 public:
  // slidify's sections for `text` appended to `parent`, each carrying
  // `forwarded`'s classes and attributes, and converted. False (nothing
  // added) when a separator does not compile.
  bool slides_make(const MappedText& text, const Separators& seps, dom::NodeId parent, Span span,
                   const dom::Node& forwarded, size_t& made) {
    std::vector<SlideGroup> groups;
    if (!slidify(text, seps, groups, {diags_, span})) return false;
    auto forward = [&](dom::NodeId s) {
      doc_[s].classes = forwarded.classes;
      doc_[s].attrs = forwarded.attrs;
    };
    // A slide's span is its text's (the first and last byte's places).
    auto where = [&](const MappedText& t) {
      return t.at.empty() ? span : Span{t.at.front(), t.at.back() + 1};
    };
    for (const SlideGroup& g : groups) {
      dom::NodeId outer = dom::no_node;
      if (g.stack) {
        outer = add_element("section", parent, where(g.slides.front().markdown));
        forward(outer);
      }
      for (const SlideText& raw : g.slides) {
        SlideText slide = notes_split(raw.markdown, seps.notes, {diags_, span});
        dom::NodeId s = add_element("section", g.stack ? outer : parent, where(raw.markdown));
        if (!g.stack) forward(s);
        set_attr(s, "data-markdown", "");
        convert(s, slide.markdown, slide.has_notes ? &slide.notes : nullptr);
      }
    }
    made = groups.size();
    return true;
  }

 private:
  // The plugin replaces the whole section by its template's slides: an
  // `aside.notes` written beside the template is gone in reveal.js too.
  void warn_lost_notes(dom::NodeId id) {
    for (dom::NodeId c : doc_[id].children) {
      const dom::Node& n = doc_[c];
      if (is_element(n) && n.tag == "aside" && n.has_class("notes")) {
        diags_.warning(n.span, "markdown.notes-dropped",
                       "reveal.js's markdown plugin replaces this section by the slides of its "
                       "Markdown, so these notes are dropped; write them after `Note:` in the "
                       "Markdown");
      }
    }
  }

  dom::Document& doc_;
  const Source& deck_;
  SourceSet& sources_;
  const std::string& deck_dir_;
  Diagnostics& diags_;
  std::unique_ptr<JsRegex> line_numbers_;
  size_t converted_ = 0;
};

}  // namespace

bool has_markdown_slides(const dom::Document& doc) {
  for (const dom::Node& n : doc.nodes) {
    if (n.kind == dom::NodeKind::Element && n.attr("data-markdown")) return true;
  }
  return false;
}

size_t reveal_markdown(dom::Document& doc, const Source& deck, SourceSet& sources,
                       const std::string& deck_dir, Diagnostics& diags) {
  return Expander(doc, deck, sources, deck_dir, diags).run();
}

size_t reveal_markdown_slides(dom::Document& doc, dom::NodeId parent, const MappedText& text,
                              const Separators& seps, const Source& deck, SourceSet& sources,
                              Diagnostics& diags) {
  Expander expander(doc, deck, sources, ".", diags);
  size_t made = 0;
  expander.slides_make(text, seps, parent, doc[parent].span, dom::Node(), made);
  return made;
}

}  // namespace deckpdf::markdown
