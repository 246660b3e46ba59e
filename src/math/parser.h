// math/parser (internal) — what the parse files share: tokens, macros and
// the Parser, a recursive descent that expands macros as it reads
// (parse.cpp: tokens, lists, scripts, arguments; parse_commands.cpp: the
// commands and environments).
#pragma once

#include <cmath>
#include <unordered_map>

#include "math/symbols.h"
#include "math/tex.h"

namespace deckpdf::math::detail {

struct Tok {
  enum Kind : uint8_t { Cs, Char, Begin, End, Sup, Sub, Amp, Param, Space } kind;
  std::string s;  // Cs: the name; Char: the character (UTF-8); Param: the digit
  uint32_t pos = 0;
};

bool is_letter(char c);
// Splits `tex` into tokens; `%` comments end at the line's end.
std::vector<Tok> tokenize(std::string_view tex);
// The code point of one UTF-8 character.
uint32_t decode(std::string_view s);

struct Macro {
  int params = 0;
  std::vector<Tok> body;
};

class Parser {
 public:
  Parser(std::vector<Tok> toks, const Limits& lim, uint32_t end)
      : toks_(std::move(toks)), lim_(lim), end_(end) {}

  ParseResult run() {
    ParseResult r;
    r.list = list(false);
    while (!failed_ && peek()) {
      const Tok& t = *peek();
      if (t.kind == Tok::Cs && t.s == "\\") {  // a line break outside an array: none drawn
        ++i_;
        List more = list(false);
        r.list.insert(r.list.end(), more.begin(), more.end());
        continue;
      }
      fail(t.kind == Tok::End ? "Extra }" : "Unexpected '" + show(t) + "'", t.pos);
    }
    if (failed_) return {{}, false, error_, err_pos_};
    return r;
  }

 private:
  static std::string show(const Tok& t) { return t.kind == Tok::Cs ? "\\" + t.s : t.s; }

  void fail(const std::string& msg, uint32_t pos) {
    if (failed_) return;
    failed_ = true;
    error_ = msg;
    err_pos_ = pos;
  }
  uint32_t here() const { return i_ < toks_.size() ? toks_[i_].pos : end_; }

  // The next token that is not a space, macros expanded; nullptr at the end.
  const Tok* peek() {
    while (!failed_) {
      while (i_ < toks_.size() && toks_[i_].kind == Tok::Space) ++i_;
      if (i_ >= toks_.size()) return nullptr;
      if (toks_[i_].kind != Tok::Cs) return &toks_[i_];
      auto m = macros_.find(toks_[i_].s);
      if (m == macros_.end()) return &toks_[i_];
      expand(m->second);
    }
    return nullptr;
  }

  // Replaces the macro at i_ and its arguments by its body.
  void expand(const Macro& m) {
    uint32_t pos = toks_[i_].pos;
    if (++expansions_ > lim_.max_expansions) {
      return fail("Too many expansions: an infinite loop or a macro that grows", pos);
    }
    size_t j = i_ + 1;
    std::vector<std::vector<Tok>> args;
    for (int a = 0; a < m.params; ++a) {
      while (j < toks_.size() && toks_[j].kind == Tok::Space) ++j;
      if (j >= toks_.size()) return fail("Missing argument of \\" + toks_[i_].s, pos);
      if (toks_[j].kind == Tok::Begin) {
        size_t k = j + 1, depth = 1;
        for (; k < toks_.size(); ++k) {
          if (toks_[k].kind == Tok::Begin) ++depth;
          if (toks_[k].kind == Tok::End && --depth == 0) break;
        }
        if (k >= toks_.size()) return fail("Expected '}', got 'EOF'", end_);
        args.emplace_back(toks_.begin() + static_cast<long>(j) + 1,
                          toks_.begin() + static_cast<long>(k));
        j = k + 1;
      } else {
        args.push_back({toks_[j]});
        ++j;
      }
    }
    std::vector<Tok> out;
    for (const Tok& t : m.body) {
      if (t.kind == Tok::Param) {
        size_t n = static_cast<size_t>(t.s[0] - '1');
        if (n < args.size()) out.insert(out.end(), args[n].begin(), args[n].end());
      } else {
        out.push_back(t);
      }
      if (out.size() > lim_.max_tokens) break;
    }
    if (toks_.size() - (j - i_) + out.size() > lim_.max_tokens) {
      return fail("Too many expansions: the formula grows past its limit", pos);
    }
    toks_.erase(toks_.begin() + static_cast<long>(i_), toks_.begin() + static_cast<long>(j));
    toks_.insert(toks_.begin() + static_cast<long>(i_), out.begin(), out.end());
  }

  bool is_cs(const Tok* t, std::string_view name) {
    return t && t->kind == Tok::Cs && t->s == name;
  }
  bool is_char(const Tok* t, std::string_view c) { return t && t->kind == Tok::Char && t->s == c; }

  // Atoms until `}`, `&`, `\\`, `\right`, `\end`, the end, or (in an
  // optional argument) `]`.
  List list(bool bracket) {
    List out;
    if (++depth_ > lim_.max_depth) {
      fail("Too deeply nested", here());
      --depth_;
      return out;
    }
    while (!failed_) {
      const Tok* t = peek();
      if (!t || t->kind == Tok::End || t->kind == Tok::Amp || (bracket && is_char(t, "]"))) break;
      if (t->kind == Tok::Cs &&
          (t->s == "\\" || t->s == "right" || t->s == "end" || t->s == "cr" || t->s == "middle")) {
        break;
      }
      if (t->kind == Tok::Cs && (t->s == "color" || t->s.ends_with("style"))) {
        Node n;
        std::string name = t->s;
        uint32_t pos = t->pos;
        ++i_;
        if (name == "color") {
          n.kind = Node::Kind::Color;
          if (!color_arg(n.color, pos)) break;
        } else {
          static const char* styles[] = {"displaystyle", "textstyle", "scriptstyle",
                                         "scriptscriptstyle"};
          n.kind = Node::Kind::Style;
          n.math_style = -1;
          for (int k = 0; k < 4; ++k) {
            if (name == styles[k]) n.math_style = k;
          }
          if (n.math_style < 0) {
            fail("Undefined control sequence: \\" + name, pos);
            break;
          }
        }
        n.kids.push_back(list(bracket));
        out.push_back(std::move(n));
        break;
      }
      Node a = atom();
      if (failed_) break;
      if (a.kind == Node::Kind::Space && a.text == "define") continue;  // \newcommand
      scripts(a);
      out.push_back(std::move(a));
    }
    --depth_;
    return out;
  }

  // ^, _ and primes after an atom; \limits and \nolimits after an operator.
  void scripts(Node& a) {
    while (!failed_) {
      const Tok* t = peek();
      if (!t) return;
      if (is_cs(t, "limits") || is_cs(t, "nolimits")) {
        if (a.kind != Node::Kind::Op)
          return fail("Limit controls must follow a math operator", t->pos);
        a.limits = t->s == "limits" ? 1 : -1;
        ++i_;
        continue;
      }
      bool sup = t->kind == Tok::Sup, prime = is_char(t, "'");
      if (!sup && !prime && t->kind != Tok::Sub) return;
      if (a.kind != Node::Kind::Scripts) {
        Node s;
        s.kind = Node::Kind::Scripts;
        s.cls = a.cls;
        s.kids.resize(3);
        s.kids[0].push_back(std::move(a));
        a = std::move(s);
      }
      uint32_t pos = t->pos;
      ++i_;
      if (prime) {
        if (a.has_sup) return fail("Double superscript", pos);
        List& sp = a.kids[1];
        Node p;
        p.text = "\xE2\x80\xB2";  // U+2032 PRIME
        sp.push_back(p);
        while (is_char(peek(), "'")) {
          ++i_;
          sp.push_back(p);
        }
        if (peek() && peek()->kind == Tok::Sup) {
          ++i_;
          List more = arg();
          sp.insert(sp.end(), more.begin(), more.end());
        }
        a.has_sup = true;
        continue;
      }
      bool& has = sup ? a.has_sup : a.has_sub;
      if (has) return fail(sup ? "Double superscript" : "Double subscript", pos);
      a.kids[sup ? 1 : 2] = arg();
      has = true;
    }
  }

  // A command's argument: a group's list, or one atom.
  List arg() {
    const Tok* t = peek();
    if (!t) {
      fail("Expected group after command, got 'EOF'", end_);
      return {};
    }
    if (t->kind == Tok::Begin) {
      ++i_;
      List l = list(false);
      close_group();
      return l;
    }
    if (t->kind == Tok::End || t->kind == Tok::Sup || t->kind == Tok::Sub || t->kind == Tok::Amp) {
      fail("Expected group, got '" + show(*t) + "'", t->pos);
      return {};
    }
    List l;
    l.push_back(atom());
    return l;
  }

  void close_group() {
    const Tok* t = peek();
    if (!t || t->kind != Tok::End) {
      return fail("Expected '}', got '" + (t ? show(*t) : std::string("EOF")) + "'",
                  t ? t->pos : end_);
    }
    ++i_;
  }

  // A `{...}` argument read as raw text (\text, names, colours, specs).
  std::string raw_group() {
    const Tok* t = peek();
    if (!t || t->kind != Tok::Begin) {
      if (t && t->kind == Tok::Char) {
        ++i_;
        return t->s;
      }
      fail("Expected group, got '" + (t ? show(*t) : std::string("EOF")) + "'", t ? t->pos : end_);
      return {};
    }
    ++i_;
    std::string out;
    int depth = 1;
    for (; i_ < toks_.size(); ++i_) {
      const Tok& k = toks_[i_];
      if (k.kind == Tok::Begin) ++depth;
      if (k.kind == Tok::End && --depth == 0) {
        ++i_;
        return out;
      }
      if (k.kind == Tok::Space) {
        out += ' ';
      } else if (k.kind == Tok::Cs) {
        out += (k.s.size() == 1 && !is_letter(k.s[0])) ? k.s : "\\" + k.s;
      } else if (k.kind != Tok::Begin && k.kind != Tok::End) {
        out += k.kind == Tok::Param ? "#" + k.s : k.s;
      }
    }
    fail("Expected '}', got 'EOF'", end_);
    return {};
  }

  bool color_arg(style::Color& c, uint32_t pos) {
    std::string name = raw_group();
    if (failed_) return false;
    auto parsed = style::parse_color(name);
    if (!parsed && name.size() == 6) parsed = style::parse_color("#" + name);
    if (!parsed) {
      fail("Invalid color: '" + name + "'", pos);
      return false;
    }
    c = *parsed;
    return true;
  }

  // A delimiter after \left, \right, \big: its character, "" for `.`.
  bool delim(std::string& out) {
    const Tok* t = peek();
    int64_t cp = -1;
    if (t && (t->kind == Tok::Char || t->kind == Tok::Cs)) cp = delimiter(t->s, t->kind == Tok::Cs);
    if (cp < 0) {
      fail("Invalid delimiter '" + (t ? show(*t) : std::string("EOF")) +
               "' after \\left, \\right or \\big",
           t ? t->pos : end_);
      return false;
    }
    ++i_;
    out.clear();
    if (cp > 0) append_utf8(out, static_cast<uint32_t>(cp));
    return true;
  }

  Node atom();
  Node command(const Tok& t);
  Node environment(uint32_t pos);
  Node define(const std::string& name, uint32_t pos);

  std::vector<Tok> toks_;
  size_t i_ = 0;
  Limits lim_;
  uint32_t end_;
  std::unordered_map<std::string, Macro> macros_;
  size_t expansions_ = 0, depth_ = 0;
  Variant variant_ = Variant::Normal;
  bool failed_ = false;
  std::string error_;
  uint32_t err_pos_ = 0;
};

}  // namespace deckpdf::math::detail
