// dom/markdown_writer — Markdown from the element tree (see
// markdown_writer.h): block elements at their indent, inline elements as
// Markdown's marks, white space collapsed as HTML renders it.
#include "dom/markdown_writer.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "source/strings.h"

namespace deckpdf::dom {

namespace {

// Markdown from the notes' tree.
class MarkdownWriter {
 public:
  explicit MarkdownWriter(const Document& doc) : doc_(doc) {}

  std::string inline_text(NodeId id) const {
    std::string s;
    for (NodeId c : doc_[id].children) inline_node(c, s);
    return squash_spaces(s);
  }

  void inline_node(NodeId id, std::string& s) const {
    const Node& n = doc_[id];
    if (n.kind == NodeKind::Text || n.kind == NodeKind::Raw) {
      s += n.text;
      return;
    }
    if (n.kind != NodeKind::Element) return;
    const std::string& tag = n.tag;
    if (tag == "br") {
      s += "\\\n";
      return;
    }
    if (tag == "ul" || tag == "ol" || tag == "pre" || tag == "table") return;  // blocks
    std::string inner;
    for (NodeId c : n.children) inline_node(c, inner);
    if (tag == "em" || tag == "i")
      s += "*" + inner + "*";
    else if (tag == "strong" || tag == "b")
      s += "**" + inner + "**";
    else if (tag == "s" || tag == "del")
      s += "~~" + inner + "~~";
    else if (tag == "code")
      s += "`" + doc_.text_content(id) + "`";
    else if (tag == "a") {
      const std::string* href = n.attr("href");
      if (!href || *href == inner || "http://" + inner == *href)
        s += inner;
      else
        s += "[" + inner + "](" + *href + ")";
    } else {
      s += inner;
    }
  }

  void blocks(NodeId id, const std::string& indent, std::string& out) const {
    std::string pending;  // inline content at block level
    auto flush = [&] {
      std::string t = collapse(pending);
      pending.clear();
      if (t.empty()) return;
      out += indent + t + "\n\n";
    };
    for (NodeId c : doc_[id].children) {
      const Node& n = doc_[c];
      if (n.kind == NodeKind::Text) {
        pending += n.text;
        continue;
      }
      if (n.kind != NodeKind::Element) continue;
      const std::string& tag = n.tag;
      if (tag == "p" || tag == "div") {
        flush();
        if (has_block_children(c)) {
          blocks(c, indent, out);
        } else {
          std::string t = inline_text(c);
          if (!t.empty()) out += indent + t + "\n\n";
        }
      } else if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
        flush();
        out += indent + std::string(static_cast<size_t>(tag[1] - '0'), '#') + " " + inline_text(c) +
               "\n\n";
      } else if (tag == "ul" || tag == "ol") {
        flush();
        list(c, indent, out);
        out += "\n";
      } else if (tag == "pre") {
        flush();
        fenced(c, indent, out);
        out += "\n";
      } else if (tag == "blockquote") {
        flush();
        std::string inner;
        blocks(c, "", inner);
        size_t at = 0;
        while (at < inner.size()) {
          size_t nl = inner.find('\n', at);
          std::string line = inner.substr(at, nl - at);
          out += indent + (line.empty() ? ">" : "> " + line) + "\n";
          at = nl + 1;
        }
        out += "\n";
      } else if (tag == "table") {
        flush();
        table(c, indent, out);
      } else if (tag == "hr") {
        flush();
        out += indent + "---\n\n";
      } else {
        std::string s;
        inline_node(c, s);
        pending += s;
      }
    }
    flush();
  }

 private:
  static std::string collapse(const std::string& s) { return squash_spaces(s); }

  bool has_block_children(NodeId id) const {
    for (NodeId c : doc_[id].children) {
      const Node& n = doc_[c];
      if (n.kind == NodeKind::Element &&
          (n.tag == "p" || n.tag == "ul" || n.tag == "ol" || n.tag == "pre" || n.tag == "table" ||
           n.tag == "blockquote" || n.tag == "div" ||
           (n.tag.size() == 2 && n.tag[0] == 'h' && n.tag[1] >= '1' && n.tag[1] <= '6'))) {
        return true;
      }
    }
    return false;
  }

  void list(NodeId id, const std::string& indent, std::string& out) const {
    bool ordered = doc_[id].tag == "ol";
    int number = 1;
    if (const std::string* start = doc_[id].attr("start")) number = std::atoi(start->c_str());
    for (NodeId li : doc_[id].children) {
      const Node& n = doc_[li];
      if (n.kind != NodeKind::Element || n.tag != "li") continue;
      std::string marker = ordered ? std::to_string(number++) + ". " : "- ";
      std::string sub_indent = indent + std::string(marker.size(), ' ');
      // The item's own text: its inline children (or its first paragraph).
      std::string head;
      std::string rest;
      bool first_p_used = false;
      std::string inline_part;
      for (NodeId c : n.children) {
        const Node& cn = doc_[c];
        bool block = cn.kind == NodeKind::Element &&
                     (cn.tag == "ul" || cn.tag == "ol" || cn.tag == "pre" || cn.tag == "p" ||
                      cn.tag == "table" || cn.tag == "blockquote");
        if (!block) {
          inline_node(c, inline_part);
          continue;
        }
        if (cn.tag == "p" && !first_p_used && collapse(inline_part).empty()) {
          inline_part = inline_text(c);
          first_p_used = true;
          continue;
        }
        if (cn.tag == "ul" || cn.tag == "ol") {
          list(c, sub_indent, rest);
        } else {
          std::string b;
          block_one(c, sub_indent, b);
          rest += b;
        }
      }
      head = collapse(inline_part);
      out += indent + marker + head + "\n" + rest;
    }
  }

  // A `pre` as a fenced code block, every line indented.
  void fenced(NodeId id, const std::string& indent, std::string& out) const {
    std::string code = doc_.text_content(id);
    if (!code.empty() && code.back() != '\n') code += '\n';
    out += indent + "```\n";
    size_t at = 0;
    while (at < code.size()) {
      size_t nl = code.find('\n', at);
      out += indent + code.substr(at, nl - at) + "\n";
      at = nl + 1;
    }
    out += indent + "```\n";
  }

  // One block element, as blocks() writes it.
  void block_one(NodeId id, const std::string& indent, std::string& out) const {
    const Node& n = doc_[id];
    if (n.tag == "p") {
      out += "\n" + indent + inline_text(id) + "\n";
    } else if (n.tag == "pre") {
      fenced(id, indent, out);
    } else if (n.tag == "table") {
      table(id, indent, out);
    } else {
      out += indent + inline_text(id) + "\n";
    }
  }

  void rows(NodeId id, std::vector<NodeId>& out) const {
    for (NodeId c : doc_[id].children) {
      const Node& n = doc_[c];
      if (n.kind != NodeKind::Element) continue;
      if (n.tag == "tr")
        out.push_back(c);
      else
        rows(c, out);
    }
  }

  void table(NodeId id, const std::string& indent, std::string& out) const {
    std::vector<NodeId> trs;
    rows(id, trs);
    bool first = true;
    for (NodeId tr : trs) {
      std::string line = indent + "|";
      size_t cells = 0;
      for (NodeId c : doc_[tr].children) {
        const Node& n = doc_[c];
        if (n.kind != NodeKind::Element || (n.tag != "td" && n.tag != "th")) continue;
        line += " " + inline_text(c) + " |";
        ++cells;
      }
      out += line + "\n";
      if (first) {
        out += indent + "|";
        for (size_t k = 0; k < cells; ++k) out += " --- |";
        out += "\n";
        first = false;
      }
    }
    out += "\n";
  }

  const Document& doc_;
};

}  // namespace

std::string to_markdown(const Document& doc, NodeId root) {
  if (root == no_node) return {};
  std::string out;
  MarkdownWriter(doc).blocks(root, "", out);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace deckpdf::dom
