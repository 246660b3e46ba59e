#include "pug/stylus.h"

#include <algorithm>
#include <map>

namespace deckpdf::pug {

namespace {

// Bounds for untrusted sheets: nesting, the selectors one rule may have
// (nested lists multiply), a variable's value, the whole output.
constexpr int max_depth = 64;
constexpr size_t max_selectors = 4096;
constexpr size_t max_value = 64 * 1024;
constexpr size_t max_output = 4 * 1024 * 1024;

struct Line {
  int indent = 0;
  std::string text;  // comments removed, trimmed
  uint32_t at = 0;   // offset of the text's first byte
  uint32_t size = 0;
};

struct Node {
  Line line;
  std::vector<Node> children;
};

bool space(char c) {
  return c == ' ' || c == '\t';
}

std::string trim(std::string s) {
  size_t b = 0, e = s.size();
  while (b < e && space(s[b])) ++b;
  while (e > b && (space(s[e - 1]) || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

bool ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool ident_char(char c) {
  return ident_start(c) || (c >= '0' && c <= '9') || c == '-';
}

// Comments out, indentation measured; a block comment may span lines.
std::vector<Line> read_lines(const std::vector<StylusLine>& in) {
  std::vector<Line> out;
  bool in_block = false;
  for (const StylusLine& l : in) {
    std::string_view t = l.text;
    std::string text;
    char quote = 0;
    int parens = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      if (in_block) {
        if (c == '*' && i + 1 < t.size() && t[i + 1] == '/') {
          in_block = false;
          ++i;
        }
        continue;
      }
      if (quote) {
        text += c;
        if (c == '\\' && i + 1 < t.size()) {
          text += t[++i];
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '/' && i + 1 < t.size() && t[i + 1] == '*') {
        in_block = true;
        ++i;
        continue;
      }
      if (c == '/' && i + 1 < t.size() && t[i + 1] == '/' && parens == 0) break;
      if (c == '"' || c == '\'') quote = c;
      if (c == '(') ++parens;
      if (c == ')' && parens > 0) --parens;
      text += c;
    }
    int indent = 0;
    while (indent < static_cast<int>(text.size()) && space(text[indent])) ++indent;
    std::string body = trim(text);
    if (body.empty()) continue;
    out.push_back({indent, std::move(body), l.at + static_cast<uint32_t>(indent),
                   static_cast<uint32_t>(t.size() - std::min<size_t>(t.size(), indent))});
  }
  return out;
}

// Splits at `sep` outside strings, parentheses and brackets.
std::vector<std::string> split_top(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string cur;
  char quote = 0;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == '\\' && i + 1 < s.size()) {
        cur += c;
        c = s[++i];
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (c == sep && depth == 0) {
      parts.push_back(trim(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  parts.push_back(trim(cur));
  return parts;
}

std::string replace_all(std::string s, std::string_view what, std::string_view with) {
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size())) {
    s.replace(at, what.size(), with);
  }
  return s;
}

bool starts_word(const std::string& s, std::string_view word) {
  return s.starts_with(word) && (s.size() == word.size() || space(s[word.size()]));
}

class Compiler {
 public:
  explicit Compiler(Diagnostics& diags) : diags_(diags) {}

  std::vector<Node> tree(const std::vector<Line>& lines) {
    size_t i = 0;
    return block(lines, i, -1, 0);
  }

  std::string css(const std::vector<Node>& nodes) {
    emit(nodes, {});
    return std::move(out_);
  }

 private:
  std::vector<Node> block(const std::vector<Line>& lines, size_t& i, int parent, int depth) {
    std::vector<Node> out;
    while (i < lines.size() && lines[i].indent > parent) {
      Node n{lines[i], {}};
      ++i;
      // `a,` on one line and `b` on the next: one selector list.
      while (n.line.text.back() == ',' && i < lines.size() && lines[i].indent == n.line.indent) {
        n.line.text += ' ' + lines[i].text;
        ++i;
      }
      if (i < lines.size() && lines[i].indent > n.line.indent) {
        if (depth + 1 >= max_depth) {
          warn(lines[i], "Stylus nested deeper than " + std::to_string(max_depth) +
                             " levels; the deeper lines are left out");
          while (i < lines.size() && lines[i].indent > n.line.indent) ++i;
        } else {
          n.children = block(lines, i, n.line.indent, depth + 1);
        }
      }
      out.push_back(std::move(n));
    }
    return out;
  }

  void warn(const Line& l, const std::string& message) {
    diags_.warning({l.at, l.at + l.size}, "pug.stylus", message);
  }

  void unsupported(const Line& l, const std::string& what) {
    warn(l, what + " is Stylus's programming side, which deckpdf does not evaluate; this " +
                "line and its block are left out");
  }

  // Variables in a value, as the stylus package substitutes them: a word
  // that names one (not a function's name, a unit, a colour's hex digits
  // or text in quotes).
  std::string substitute(const std::string& v) const {
    if (vars_.empty()) return v;
    std::string out;
    for (size_t i = 0; i < v.size();) {
      char c = v[i];
      if (c == '"' || c == '\'') {
        size_t e = i + 1;
        while (e < v.size() && v[e] != c) e += v[e] == '\\' ? 2 : 1;
        e = std::min(e + 1, v.size());
        out.append(v, i, e - i);
        i = e;
      } else if ((c >= '0' && c <= '9') || c == '#' || c == '.') {
        size_t e = i + 1;
        while (e < v.size() && (ident_char(v[e]) || v[e] == '.' || v[e] == '%')) ++e;
        out.append(v, i, e - i);
        i = e;
      } else if (ident_start(c) || (c == '-' && i + 1 < v.size() && ident_start(v[i + 1]))) {
        size_t e = i + 1;
        while (e < v.size() && ident_char(v[e])) ++e;
        std::string word = v.substr(i, e - i);
        auto it = vars_.find(word);
        if (it != vars_.end() && (e >= v.size() || v[e] != '(')) {
          out += it->second;
        } else {
          out += word;
        }
        i = e;
      } else {
        out += c;
        ++i;
      }
      if (out.size() > max_value) break;
    }
    return out;
  }

  // `name = value`, `name ?= value`, `name := value`: true when `text` is one.
  bool assignment(const Line& l) {
    const std::string& t = l.text;
    size_t e = 0;
    if (e < t.size() && (ident_start(t[e]) || t[e] == '-')) {
      while (e < t.size() && ident_char(t[e])) ++e;
    }
    if (e == 0) return false;
    size_t op = e;
    while (op < t.size() && space(t[op])) ++op;
    bool maybe = false;
    if (op + 1 < t.size() && (t[op] == '?' || t[op] == ':') && t[op + 1] == '=') {
      maybe = t[op] == '?';
      ++op;
    }
    if (op >= t.size() || t[op] != '=' || (op + 1 < t.size() && t[op + 1] == '=')) return false;
    std::string name = t.substr(0, e);
    std::string value = trim(t.substr(op + 1));
    if (!value.empty() && value.back() == ';') value = trim(value.substr(0, value.size() - 1));
    if (maybe && vars_.count(name)) return true;
    value = substitute(value);
    if (value.size() > max_value) {
      warn(l, "a Stylus variable's value grew past " + std::to_string(max_value / 1024) + " KB; '" +
                  name + "' is left undefined");
      vars_.erase(name);
      return true;
    }
    vars_[name] = std::move(value);
    return true;
  }

  // A property line → "name: value", or "" (after a warning where it is
  // something deckpdf leaves out).
  std::string property(const Line& l) {
    const std::string& t = l.text;
    if (t.find('{') != std::string::npos) {
      unsupported(l, "'{' interpolation");
      return "";
    }
    size_t e = 0;
    while (e < t.size() && (ident_char(t[e]) || t[e] == '*')) ++e;
    if (e == 0) return "";  // a selector with nothing under it: no rule, as in stylus
    if (e < t.size() && t[e] == '(') {
      unsupported(l, "a mixin call");
      return "";
    }
    size_t v = e;
    while (v < t.size() && space(t[v])) ++v;
    if (v < t.size() && t[v] == ':') ++v;
    std::string value = trim(t.substr(v));
    while (!value.empty() && value.back() == ';') value = trim(value.substr(0, value.size() - 1));
    if (value.empty()) return "";  // `td` alone: a selector with nothing under it
    if (t.starts_with("return") || t.starts_with("if ") || t.starts_with("unless ")) {
      unsupported(l, "'" + t.substr(0, t.find(' ')) + "'");
      return "";
    }
    return t.substr(0, e) + ": " + substitute(value);
  }

  // The selectors of a rule header inside `parents`.
  std::vector<std::string> selectors(const Line& l, const std::vector<std::string>& parents) {
    std::vector<std::string> out;
    for (std::string part : split_top(l.text, ',')) {
      if (part.empty()) continue;
      bool root = part[0] == '/';
      if (root) part = trim(part.substr(1));
      bool amp = part.find('&') != std::string::npos;
      if (parents.empty() || (root && !amp)) {
        out.push_back(trim(replace_all(part, "&", "")));
      } else {
        for (const std::string& p : parents) {
          out.push_back(amp ? replace_all(part, "&", p) : p + " " + part);
          if (out.size() >= max_selectors) break;
        }
      }
      if (out.size() >= max_selectors) {
        warn(l, "Stylus selectors nested into more than " + std::to_string(max_selectors) +
                    " selectors; the rest are left out");
        break;
      }
    }
    // The same selector twice (`/h1 &` under a list) is written once.
    std::vector<std::string> unique;
    for (std::string& s : out) {
      if (std::find(unique.begin(), unique.end(), s) == unique.end())
        unique.push_back(std::move(s));
    }
    return unique;
  }

  void rule(const Line& at, const std::vector<std::string>& sels,
            const std::vector<std::string>& props) {
    if (props.empty() || sels.empty() || full(at)) return;
    for (size_t k = 0; k < sels.size(); ++k)
      out_ += sels[k] + (k + 1 < sels.size() ? ",\n" : " {\n");
    for (const std::string& p : props) out_ += "  " + p + ";\n";
    out_ += "}\n";
  }

  bool full(const Line& at) {
    if (out_.size() <= max_output) return false;
    if (!full_reported_) {
      warn(at, "the Stylus sheet's CSS grew past " + std::to_string(max_output >> 20) +
                   " MB; from here on it is left out");
      full_reported_ = true;
    }
    return true;
  }

  static bool header_is(const std::string& t, std::string_view at_rule) {
    return t.size() >= at_rule.size() && t.compare(0, at_rule.size(), at_rule) == 0 &&
           (t.size() == at_rule.size() || !ident_char(t[at_rule.size()]));
  }

  void emit(const std::vector<Node>& nodes, const std::vector<std::string>& sels) {
    std::vector<std::string> props;
    // Properties first, as one rule, then the nested rules in order: the
    // stylus package's order.
    for (const Node& n : nodes) {
      const Line& l = n.line;
      if (!n.children.empty()) continue;
      if (l.text[0] == '@') {
        if (header_is(l.text, "@import") || header_is(l.text, "@require")) {
          std::string what = trim(l.text.substr(l.text.find(' ') + 1));
          if (what.find(".css") != std::string::npos || what.starts_with("url(")) {
            out_ += "@import " + what + ";\n";
          } else {
            warn(l,
                 "another Stylus file is not read (deckpdf's :stylus filter takes one file); "
                 "this import is left out");
          }
        } else if (header_is(l.text, "@extend") || header_is(l.text, "@extends")) {
          unsupported(l, "'@extend'");
        } else if (!header_is(l.text, "@charset")) {
          out_ += l.text + (l.text.back() == ';' ? "\n" : ";\n");
        }
        continue;
      }
      if (assignment(l)) continue;
      std::string p = property(l);
      if (p.empty()) continue;
      if (sels.empty()) {
        warn(l, "a property outside any rule; it is left out");
        continue;
      }
      props.push_back(std::move(p));
    }
    if (!nodes.empty()) rule(nodes.front().line, sels, props);
    for (const Node& n : nodes) {
      if (n.children.empty() || full(n.line)) continue;
      const std::string& t = n.line.text;
      if (header_is(t, "@media") || header_is(t, "@supports") || header_is(t, "@document")) {
        out_ += t + " {\n";
        emit(n.children, sels);
        out_ += "}\n";
      } else if (header_is(t, "@keyframes") || header_is(t, "@-webkit-keyframes")) {
        out_ += t + " {\n";
        emit(n.children, {});
        out_ += "}\n";
      } else if (t[0] == '@') {  // @font-face, @page: a rule of its own
        emit(n.children, {t});
      } else if (starts_word(t, "if") || starts_word(t, "unless") || starts_word(t, "else") ||
                 starts_word(t, "for") || (t[0] == '+' && t.size() > 1 && !space(t[1]))) {
        unsupported(n.line, "'" + t.substr(0, t.find(' ')) + "'");
      } else if (ident_start(t[0]) && t.find('(') != std::string::npos && t.back() == ')' &&
                 t.find(' ') > t.find('(')) {
        unsupported(n.line, "a function or mixin definition");
      } else if (t.find('{') != std::string::npos) {
        unsupported(n.line, "'{' interpolation");
      } else if (assignment(n.line)) {
        unsupported(n.line, "a hash");
      } else {
        emit(n.children, selectors(n.line, sels));
      }
    }
  }

  Diagnostics& diags_;
  std::map<std::string, std::string> vars_;
  std::string out_;
  bool full_reported_ = false;
};

}  // namespace

std::string stylus_to_css(const std::vector<StylusLine>& lines, Diagnostics& diags) {
  Compiler c(diags);
  std::vector<Node> nodes = c.tree(read_lines(lines));
  return c.css(nodes);
}

}  // namespace deckpdf::pug
