// highlight/code_blocks — code blocks highlighted in the tree (see code_blocks.h).
#include "highlight/code_blocks.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <system_error>
#include <thread>

#include "dom/entities.h"
#include "highlight/languages.h"
#include "highlight/line_numbers.h"
#include "highlight/line_steps.h"
#include "source/strings.h"

namespace deckpdf::highlight {

namespace {

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

// highlight.js's shouldNotHighlight, and the names decks use for "no language".
bool no_highlight(std::string_view name) {
  std::string lower = ascii_lower(name);
  return lower == "no-highlight" || lower == "nohighlight" || lower == "plaintext" ||
         lower == "text" || lower == "txt" || lower == "plain";
}

// What the block asks for: a language name, "" for none; `automatic` when
// it asks for detection.
struct Request {
  std::string language;
  bool automatic = false;
  bool named = false;  // a language was named (even one we do not know)
};

// highlight.js's blockLanguage: /\blang(?:uage)?-([\w-]+)\b/i over the
// block's classes and its parent's; then data-lang; then a class that is
// itself a language's name.
Request block_request(const dom::Document& doc, dom::NodeId code, Languages& languages) {
  const dom::Node& node = doc[code];
  const dom::Node* pre = node.parent != dom::no_node ? &doc[node.parent] : nullptr;
  std::vector<std::string> classes = node.classes;
  if (pre) classes.insert(classes.end(), pre->classes.begin(), pre->classes.end());
  Request request;
  for (const std::string& name : classes) {
    for (std::string_view prefix : {"language-", "lang-"}) {
      if (name.size() > prefix.size() && starts_with_nocase(name, prefix)) {
        request.language = name.substr(prefix.size());
        request.named = true;
        return request;
      }
    }
  }
  for (const dom::Node* holder : {&node, pre}) {
    if (const std::string* lang = holder ? holder->attr("data-lang") : nullptr;
        lang && !lang->empty()) {
      request.language = *lang;
      request.named = true;
      return request;
    }
  }
  bool hljs = false;
  for (const std::string& name : classes) {
    if (name == "hljs") {
      hljs = true;
    } else if (no_highlight(name) || languages.find(name)) {
      request.language = name;
      request.named = true;
      return request;
    }
  }
  request.automatic = hljs;
  return request;
}

// The text reveal.js's plugin hands highlight.js: without data-noescape,
// markup inside the block is escaped first, so it shows as its own source
// (with its references decoded, as the browser parses it again);
// with it, the markup stays and its text is highlighted (`markup` set).
// nullopt when data-trim would move text across kept markup.
std::optional<std::string> block_text(const dom::Document& doc, dom::NodeId code, bool& markup) {
  const dom::Node& node = doc[code];
  const bool noescape = node.attr("data-noescape") != nullptr;
  markup = false;
  std::string text;
  for (dom::NodeId child : node.children) {
    const dom::Node& c = doc[child];
    if (c.kind == dom::NodeKind::Text) {
      text += c.text;
    } else if (c.kind == dom::NodeKind::Comment) {
      continue;
    } else if (noescape) {
      markup = true;
      text += doc.text_content(child);
    } else {
      // The browser serializes the markup, the plugin escapes only its
      // angle brackets and parses it again: the source shows with its
      // character references decoded ("&amp;" shows as "&").
      text += dom::entities_decode(dom::to_html(doc, child));
    }
  }
  if (node.attr("data-trim")) {
    std::string trimmed = better_trim(text);
    if (markup && trimmed != text) return std::nullopt;
    text = std::move(trimmed);
  }
  return text;
}

// The spans for one run of a token: one per class level, nested, the text
// innermost; returns the outermost node (or the text node).
dom::NodeId token_nodes(dom::Document& doc, dom::NodeId parent, const Token& token,
                        std::string_view text, Span span) {
  dom::NodeId outer = dom::no_node;
  for (const std::string& classes : token.classes) {
    dom::Node element;
    element.tag = "span";
    element.span = span;
    element.classes = class_list(classes);
    parent = doc.add(std::move(element), parent);
    if (outer == dom::no_node) outer = parent;
  }
  dom::Node leaf;
  leaf.kind = dom::NodeKind::Text;
  leaf.text = text;
  leaf.span = span;
  dom::NodeId id = doc.add(std::move(leaf), parent);
  return outer == dom::no_node ? id : outer;
}

// data-noescape: the block's own elements (mark, span) kept, each of its
// text nodes replaced by the tokens that cover it, split at its ends.
void overlay_tokens(dom::Document& doc, dom::NodeId code, const Highlighted& result) {
  std::vector<Token> tokens = result.tokens();
  size_t token = 0, offset = 0;
  std::vector<dom::NodeId> texts;
  std::vector<dom::NodeId> pending{code};
  while (!pending.empty()) {  // document order
    dom::NodeId id = pending.back();
    pending.pop_back();
    if (doc[id].kind == dom::NodeKind::Text) texts.push_back(id);
    for (auto child = doc[id].children.rbegin(); child != doc[id].children.rend(); ++child) {
      pending.push_back(*child);
    }
  }
  for (dom::NodeId text_id : texts) {
    const dom::NodeId parent = doc[text_id].parent;
    const std::string text = doc[text_id].text;
    const Span span = doc[text_id].span;
    std::vector<dom::NodeId> pieces;
    for (size_t at = 0; at < text.size() && token < tokens.size();) {
      const size_t take = std::min(text.size() - at, tokens[token].text.size() - offset);
      const size_t before = doc[parent].children.size();
      pieces.push_back(
          token_nodes(doc, parent, tokens[token], std::string_view(text).substr(at, take), span));
      doc[parent].children.resize(before);  // placed below, where the text node was
      at += take;
      offset += take;
      if (offset == tokens[token].text.size()) ++token, offset = 0;
    }
    auto& children = doc[parent].children;
    auto where = std::find(children.begin(), children.end(), text_id);
    where = children.erase(where);
    children.insert(where, pieces.begin(), pieces.end());
    doc[text_id].parent = dom::no_node;
  }
  if (!doc[code].has_class("hljs")) doc[code].classes.push_back("hljs");
}

// The block's children replaced by the highlighted text: spans with
// highlight.js's classes around the tokens, nested as highlight.js nests them.
void replace_children(dom::Document& doc, dom::NodeId code, const Highlighted& result) {
  const Span span = doc[code].span;
  for (dom::NodeId child : doc[code].children) doc[child].parent = dom::no_node;
  doc[code].children.clear();
  if (!doc[code].has_class("hljs")) doc[code].classes.push_back("hljs");
  std::vector<dom::NodeId> open{code};
  std::vector<bool> wrote;
  std::map<std::string_view, std::vector<std::string>> classes_of;  // worked out once each
  for (const Event& event : result.events) {
    if (event.kind == Event::open) {
      wrote.push_back(!event.value.empty());
      if (event.value.empty()) continue;
      dom::Node span_node;
      span_node.tag = "span";
      span_node.span = span;
      auto [at, added] = classes_of.try_emplace(event.value);
      if (added) at->second = scope_classes(event.value);
      span_node.classes = at->second;
      open.push_back(doc.add(std::move(span_node), open.back()));
    } else if (event.kind == Event::close) {
      if (!wrote.empty()) {
        if (wrote.back() && open.size() > 1) open.pop_back();
        wrote.pop_back();
      }
    } else {
      dom::Node text;
      text.kind = dom::NodeKind::Text;
      text.text = event.value;
      text.span = span;
      doc.add(std::move(text), open.back());
    }
  }
}

}  // namespace

std::string better_trim(std::string_view code) {
  std::vector<std::string_view> lines;
  for (size_t start = 0;;) {
    size_t end = code.find('\n', start);
    lines.push_back(
        code.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  size_t first = 0, last = lines.size();
  while (first < last && blank(lines[first])) ++first;
  while (last > first && blank(lines[last - 1])) --last;
  size_t pad = std::string_view::npos;
  for (size_t i = first; i < last; ++i) {
    const size_t indent = lines[i].find_first_not_of(" \t\r\f\v");
    if (indent != std::string_view::npos) pad = std::min(pad, indent);
  }
  std::string out;
  for (size_t i = first; i < last; ++i) {
    if (i > first) out += '\n';
    if (lines[i].size() > pad) out += lines[i].substr(pad);
  }
  return out;
}

size_t highlight_code_blocks(dom::Document& doc, const std::string& grammar_dir, Diagnostics& diags,
                             unsigned threads) {
  std::vector<dom::NodeId> blocks;
  for (dom::NodeId id = 0; id < doc.nodes.size(); ++id) {
    const dom::Node& node = doc[id];
    if (node.kind != dom::NodeKind::Element || node.tag != "code") continue;
    for (dom::NodeId up = node.parent; up != dom::no_node; up = doc[up].parent) {
      if (doc[up].kind == dom::NodeKind::Element && doc[up].tag == "pre") {
        blocks.push_back(id);
        break;
      }
    }
  }
  if (blocks.empty()) return 0;  // no grammar read, no work: a deck without code pays nothing
  Languages languages(grammar_dir);
  std::set<std::string> warned;
  // First, in document order, what each block asks for (grammars load
  // here, and unknown languages are warned in order); then the matching,
  // the bulk of the work, on `threads`; then the tree's changes, in order.
  struct Block {
    dom::NodeId code;
    Request request;
    bool numbered = false, plain = false, markup = false;
    std::string text;
    std::shared_ptr<const Highlighted> result;
  };
  std::vector<Block> work;
  for (dom::NodeId code : blocks) {
    Block block{code, block_request(doc, code, languages)};
    const Request& request = block.request;
    block.numbered = doc[code].attr("data-line-numbers") != nullptr;
    block.plain = !request.automatic && (!request.named || no_highlight(request.language));
    if (!block.plain && request.named && !languages.find(request.language)) {
      if (warned.insert(ascii_lower(request.language)).second) {
        diags.warning(doc[code].span, "highlight.unknown-language",
                      "no grammar for the code language '" + request.language +
                          "'; its blocks are shown plain");
      }
      block.plain = true;
    }
    if (block.plain && !block.numbered) continue;  // left exactly as it was
    std::optional<std::string> text = block_text(doc, code, block.markup);
    // Markup in no language is left as it is, unless it is to be numbered.
    if (!text || (block.plain && block.markup && !block.numbered)) continue;
    block.text = std::move(*text);
    work.push_back(std::move(block));
  }
  auto match = [&](Block& block) {
    if (block.plain) {
      auto shown = std::make_shared<Highlighted>();
      shown->events = plain_events(block.text);
      block.result = std::move(shown);
    } else {
      block.result = block.request.automatic
                         ? languages.highlight_auto(block.text)
                         : languages.highlight(block.request.language, block.text);
    }
  };
  threads = static_cast<unsigned>(std::min<size_t>(threads, work.size() / 8));
  if (threads > 1) {
    // Nothing thrown leaves a thread: a block whose matching threw (out of
    // memory) is matched again below, on the caller's thread, where a
    // sequential run would have met the same exception.
    std::atomic<size_t> next{0};
    auto loop = [&] {
      for (size_t k = next++; k < work.size(); k = next++) {
        try {
          match(work[k]);
        } catch (...) {
          work[k].result = nullptr;
        }
      }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads);  // no allocation once a thread runs
    try {
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(loop);
    } catch (const std::system_error&) {
      // No more threads: the caller's does the rest.
    }
    loop();
    for (std::thread& t : pool) t.join();
  }
  for (Block& block : work) {
    if (!block.result) match(block);
  }
  // Room for the nodes the blocks become, made once rather than by the
  // vector's doublings, each of which moves every node: a span or a text
  // per event, a row of five and a span reopened per line, and a copy per
  // line-highlight step (within the copy budget).
  size_t estimate = 0;
  for (const Block& block : work) {
    const size_t lines =
        1 + static_cast<size_t>(std::count(block.text.begin(), block.text.end(), '\n'));
    const std::string* steps = doc[block.code].attr("data-line-numbers");
    const size_t copies =
        steps ? 1 + static_cast<size_t>(std::count(steps->begin(), steps->end(), '|')) : 1;
    estimate += (block.result->events.size() + 8 * lines) * copies;
  }
  doc.nodes.reserve(doc.nodes.size() + std::min<size_t>(estimate, 2 * max_copied_nodes));
  size_t count = 0;
  size_t copied_nodes = 0;
  for (const Block& block : work) {
    const dom::NodeId code = block.code;
    // (the plugin numbers no empty block)
    const bool numbered =
        block.numbered && block.text.find_first_not_of(" \t\n\r\f\v") != std::string::npos;
    long first = 1;
    if (numbered) {
      const std::string* from = doc[code].attr("data-ln-start-from");
      const long given = from ? std::strtol(from->c_str(), nullptr, 10) : 1;
      if (given > 0 && given < 1000000000) first = given;
    }
    auto too_deep = [&] {
      diags.warning(doc[code].span, "highlight.too-deep",
                    "this code block's markup is nested too deep over too many lines to number "
                    "them; it is shown without line numbers");
    };
    if (block.markup) {
      if (!block.plain) overlay_tokens(doc, code, *block.result);
      if (numbered) {
        if (line_numbers_table_from_tree(doc, code, first))
          line_steps_apply(doc, code, copied_nodes, diags);
        else
          too_deep();
      }
    } else if (numbered && line_numbers_table(doc, code, *block.result, first)) {
      line_steps_apply(doc, code, copied_nodes, diags);
    } else {
      if (numbered) too_deep();
      replace_children(doc, code, *block.result);
    }
    ++count;
  }
  for (const std::string& error : languages.errors()) {
    diags.warning(Span{}, "highlight.grammar-unreadable", error);
  }
  return count;
}

}  // namespace deckpdf::highlight
