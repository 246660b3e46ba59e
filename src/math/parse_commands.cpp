// math/parse_commands — the commands of the TeX subset (symbols, operators,
// spaces, accents, fonts, text, fractions, radicals, delimiters, colour,
// \overset, \not), macro definitions, and environments (matrices, cases,
// aligned, array).
#include <algorithm>
#include <cstdlib>

#include "math/parser.h"

namespace deckpdf::math::detail {

Node Parser::atom() {
  Node n;
  if (++depth_ > lim_.max_depth) {
    fail("Too deeply nested", here());
    --depth_;
    return n;
  }
  const Tok* p = peek();
  if (!p || p->kind == Tok::Sup || p->kind == Tok::Sub) {  // a script with no base
    n.kind = Node::Kind::Group;
    n.kids.resize(1);
    --depth_;
    return n;
  }
  Tok t = *p;
  ++i_;
  switch (t.kind) {
    case Tok::Begin:
      n.kind = Node::Kind::Group;
      n.kids.push_back(list(false));
      close_group();
      break;
    case Tok::Char: {
      uint32_t cp = decode(t.s);
      if (cp == '~') {
        n.kind = Node::Kind::Space;
        n.space = 0.25f;
        break;
      }
      if (cp == '-') cp = 0x2212;  // a minus sign, as TeX draws it
      if (cp == '*') cp = 0x2217;
      n.cls = char_class(cp);
      n.variant = variant_;
      n.text.clear();
      append_utf8(n.text, cp);
      break;
    }
    case Tok::Cs: n = command(t); break;
    case Tok::Param: fail("Unexpected '#" + t.s + "' outside a macro", t.pos); break;
    default: fail("Unexpected '" + show(t) + "'", t.pos); break;
  }
  --depth_;
  return n;
}

Node Parser::command(const Tok& t) {
  const std::string& c = t.s;
  Node n;
  if (const Symbol* s = symbol_command(c)) {
    n.cls = s->cls;
    n.variant = variant_;
    append_utf8(n.text, s->cp);
    return n;
  }
  if (const BigOp* op = big_operator(c)) {
    n.kind = Node::Kind::Op;
    n.cls = Class::Op;
    n.limits_default = op->limits;
    if (op->cp) {
      append_utf8(n.text, op->cp);
    } else {
      n.text = op->name;
      n.variant = Variant::Rm;
    }
    return n;
  }
  float sp = space_command(c);
  if (!std::isnan(sp)) {
    n.kind = Node::Kind::Space;
    n.space = sp;
    return n;
  }
  if (const AccentInfo* a = accent_command(c)) {
    n.kind = Node::Kind::Accent;
    if (a->cp)
      append_utf8(n.text, a->cp);
    else
      n.text = c;
    n.stretchy = a->stretchy;
    n.kids.push_back(arg());
    return n;
  }
  static const std::unordered_map<std::string_view, Variant> fonts = {
      {"mathrm", Variant::Rm},   {"mathbf", Variant::Bf},   {"mathit", Variant::It},
      {"mathbb", Variant::Bb},   {"mathcal", Variant::Cal}, {"mathfrak", Variant::Frak},
      {"mathsf", Variant::Sf},   {"mathtt", Variant::Tt},   {"boldsymbol", Variant::Bf},
      {"mathscr", Variant::Cal}, {"bm", Variant::Bf},       {"mathnormal", Variant::Normal},
  };
  if (auto f = fonts.find(c); f != fonts.end()) {
    Variant saved = variant_;
    variant_ = f->second;
    n.kind = Node::Kind::Group;
    n.kids.push_back(arg());
    variant_ = saved;
    return n;
  }
  if (c == "text" || c == "textrm" || c == "textnormal" || c == "mbox" || c == "textbf" ||
      c == "textit" || c == "textsf" || c == "texttt" || c == "operatorname") {
    n.kind = c == "operatorname" ? Node::Kind::Op : Node::Kind::Text;
    n.cls = c == "operatorname" ? Class::Op : Class::Ord;
    n.variant = c == "textbf"   ? Variant::Bf
                : c == "textit" ? Variant::It
                : c == "textsf" ? Variant::Sf
                : c == "texttt" ? Variant::Tt
                                : Variant::Rm;
    if (c == "operatorname" && is_char(peek(), "*")) {
      ++i_;
      n.limits_default = true;
    }
    n.text = raw_group();
    return n;
  }
  if (c == "frac" || c == "dfrac" || c == "tfrac" || c == "cfrac" || c == "binom" ||
      c == "dbinom" || c == "tbinom") {
    n.kind = Node::Kind::Frac;
    n.binom = c.ends_with("binom");
    n.frac_style = c[0] == 'd' || c == "cfrac" ? 0 : c[0] == 't' ? 1 : -1;
    if (n.binom) n.cls = Class::Inner;
    n.kids.push_back(arg());
    n.kids.push_back(arg());
    return n;
  }
  if (c == "sqrt") {
    n.kind = Node::Kind::Sqrt;
    List index;
    if (is_char(peek(), "[")) {
      ++i_;
      index = list(true);
      if (!is_char(peek(), "]")) fail("Expected ']'", here());
      ++i_;
    }
    n.kids.push_back(arg());
    n.kids.push_back(std::move(index));
    return n;
  }
  if (c == "left") {
    n.kind = Node::Kind::Delimited;
    n.cls = Class::Inner;
    if (!delim(n.open)) return n;
    n.kids.push_back(list(false));
    while (!failed_ && is_cs(peek(), "middle")) {
      ++i_;
      n.middles.emplace_back();
      if (!delim(n.middles.back())) return n;
      n.kids.push_back(list(false));
    }
    if (failed_) return n;
    if (!is_cs(peek(), "right")) {
      fail("Expected '\\right', got '" + (peek() ? show(*peek()) : std::string("EOF")) + "'",
           here());
      return n;
    }
    ++i_;
    delim(n.close);
    return n;
  }
  static const std::unordered_map<std::string_view, std::pair<int, Class>> bigs = {
      {"big", {1, Class::Ord}},    {"Big", {2, Class::Ord}},     {"bigg", {3, Class::Ord}},
      {"Bigg", {4, Class::Ord}},   {"bigl", {1, Class::Open}},   {"Bigl", {2, Class::Open}},
      {"biggl", {3, Class::Open}}, {"Biggl", {4, Class::Open}},  {"bigr", {1, Class::Close}},
      {"Bigr", {2, Class::Close}}, {"biggr", {3, Class::Close}}, {"Biggr", {4, Class::Close}},
      {"bigm", {1, Class::Rel}},   {"Bigm", {2, Class::Rel}},
  };
  if (auto b = bigs.find(c); b != bigs.end()) {
    n.kind = Node::Kind::Delim;
    n.size = b->second.first;
    n.cls = b->second.second;
    delim(n.text);
    return n;
  }
  if (c == "textcolor") {
    n.kind = Node::Kind::Color;
    if (color_arg(n.color, t.pos)) n.kids.push_back(arg());
    return n;
  }
  if (c == "overset" || c == "underset" || c == "stackrel") {
    n.kind = Node::Kind::Scripts;
    n.kids.resize(3);
    List over = arg();
    List base = arg();
    // A relation or binary operator with something over it stays one (KaTeX's binrelClass).
    Class base_cls = base.size() == 1 ? base[0].cls : Class::Ord;
    Node b;
    b.kind = Node::Kind::Group;
    b.kids.push_back(std::move(base));
    n.kids[0].push_back(std::move(b));
    n.kids[c == "underset" ? 2 : 1] = std::move(over);
    (c == "underset" ? n.has_sub : n.has_sup) = true;
    n.limits = 1;
    n.cls = c == "stackrel"                                    ? Class::Rel
            : base_cls == Class::Rel || base_cls == Class::Bin ? base_cls
                                                               : Class::Ord;
    return n;
  }
  if (c == "not") {
    Node a = atom();
    if (a.kind != Node::Kind::Symbol) {
      fail("\\not must come before a symbol", t.pos);
      return n;
    }
    a.text += "\xCC\xB8";  // U+0338 COMBINING LONG SOLIDUS OVERLAY
    return a;
  }
  if (c == "hspace") {  // \hspace{2em}, \hspace*{1pt}: KaTeX's units, 10pt to the em
    if (is_char(peek(), "*")) ++i_;
    std::string len = raw_group();
    char* end = nullptr;
    float v = std::strtof(len.c_str(), &end);
    std::string unit(end ? end : "");
    static const std::pair<const char*, float> units[] = {
        {"em", 1}, {"ex", 0.431f}, {"pt", 0.1f}, {"mu", 1.0f / 18}, {"px", 0.1f}};
    n.kind = Node::Kind::Space;
    bool known = false;
    for (const auto& u : units) {
      if (unit.find(u.first) != std::string::npos && std::isfinite(v)) {
        n.space = std::clamp(v * u.second, -100.0f, 100.0f);
        known = true;
      }
    }
    if (!known && !failed_) fail("Invalid size: '" + len + "'", t.pos);
    return n;
  }
  if (c == "phantom") {
    n.kind = Node::Kind::Phantom;
    n.kids.push_back(arg());
    return n;
  }
  if (c == "bmod") {
    n.kind = Node::Kind::Text;
    n.cls = Class::Bin;
    n.text = "mod";
    n.variant = Variant::Rm;
    return n;
  }
  if (c == "pmod" || c == "mod") {  // KaTeX: \quad(\mathrm{mod}\,n) and \quad\mathrm{mod}\,\,n
    n.kind = Node::Kind::Group;
    n.kids.resize(1);
    List& l = n.kids[0];
    Node quad, text, thin, open, close;
    quad.kind = thin.kind = Node::Kind::Space;
    quad.space = 1;
    thin.space = c == "pmod" ? 1.0f / 6 : 1.0f / 3;
    text.kind = Node::Kind::Text;
    text.text = "mod";
    text.variant = Variant::Rm;
    open.cls = Class::Open;
    open.text = "(";
    close.cls = Class::Close;
    close.text = ")";
    l.push_back(quad);
    if (c == "pmod") l.push_back(open);
    l.push_back(text);
    l.push_back(thin);
    Node body;
    body.kind = Node::Kind::Group;
    body.kids.push_back(arg());
    l.push_back(std::move(body));
    if (c == "pmod") l.push_back(close);
    return n;
  }
  if (c == "begin") return environment(t.pos);
  if (c == "newcommand" || c == "renewcommand" || c == "def") return define(c, t.pos);
  fail("Undefined control sequence: \\" + c, t.pos);
  return n;
}

Node Parser::define(const std::string& how, uint32_t pos) {
  Node n;
  n.kind = Node::Kind::Space;
  n.text = "define";
  // The name: \name or {\name}.
  bool braced = peek() && peek()->kind == Tok::Begin;
  if (braced) ++i_;
  if (i_ >= toks_.size() || toks_[i_].kind != Tok::Cs) {
    fail("\\" + how + " needs a command name to define", pos);
    return n;
  }
  std::string name = toks_[i_++].s;
  if (braced) close_group();
  Macro m;
  if (how == "def") {
    while (i_ < toks_.size() && toks_[i_].kind == Tok::Param) {
      ++m.params;
      ++i_;
    }
  } else if (is_char(peek(), "[")) {
    ++i_;
    const Tok* d = peek();
    if (!d || d->kind != Tok::Char || d->s[0] < '0' || d->s[0] > '9') {
      fail("Invalid number of arguments", pos);
      return n;
    }
    m.params = d->s[0] - '0';
    ++i_;
    if (!is_char(peek(), "]")) {
      fail("Expected ']'", here());
      return n;
    }
    ++i_;
  }
  if (!peek() || peek()->kind != Tok::Begin) {
    fail("Expected '{' after \\" + how, here());
    return n;
  }
  size_t depth = 0;
  for (; i_ < toks_.size(); ++i_) {
    if (toks_[i_].kind == Tok::Begin && depth++ == 0) continue;
    if (toks_[i_].kind == Tok::End && --depth == 0) break;
    m.body.push_back(toks_[i_]);
  }
  if (i_ >= toks_.size()) {
    fail("Expected '}', got 'EOF'", end_);
    return n;
  }
  ++i_;
  macros_[name] = std::move(m);
  return n;
}

Node Parser::environment(uint32_t pos) {
  Node n;
  n.kind = Node::Kind::Array;
  n.env = raw_group();
  static const char* known[] = {"matrix", "pmatrix", "bmatrix", "Bmatrix",  "vmatrix",    "Vmatrix",
                                "cases",  "aligned", "array",   "gathered", "smallmatrix"};
  // Display environments KaTeX also takes, set as their inner forms.
  static const std::pair<const char*, const char*> aliases[] = {
      {"align", "aligned"},      {"align*", "aligned"},   {"split", "aligned"},
      {"gather", "gathered"},    {"gather*", "gathered"}, {"equation", "gathered"},
      {"equation*", "gathered"},
  };
  std::string written = n.env;
  for (const auto& a : aliases) {
    if (n.env == a.first) n.env = a.second;
  }
  bool ok = false;
  for (const char* k : known) ok = ok || n.env == k;
  if (failed_) return n;
  if (!ok) {
    fail("No such environment: " + n.env, pos);
    return n;
  }
  if (n.env == "array") {
    std::string spec = raw_group();
    for (char ch : spec) {
      if (ch == 'l' || ch == 'c' || ch == 'r' || ch == '|') n.align += ch;
    }
  }
  if (n.env == "pmatrix" || n.env == "bmatrix" || n.env == "Bmatrix" || n.env == "vmatrix" ||
      n.env == "Vmatrix" || n.env == "cases") {
    n.cls = Class::Inner;
  }
  std::vector<List> row;
  std::vector<std::vector<List>> rows;
  while (!failed_) {
    while (row.empty() && is_cs(peek(), "hline")) {  // a rule above the row
      ++i_;
      n.hlines.push_back(rows.size());
    }
    List cell = list(false);
    if (failed_) return n;
    if (n.env == "aligned" && row.size() % 2 == 1) {
      // The right of each pair starts with an empty atom, so that a
      // relation there is spaced as after something (KaTeX does the same).
      Node empty;
      empty.kind = Node::Kind::Group;
      empty.kids.resize(1);
      cell.insert(cell.begin(), std::move(empty));
    }
    row.push_back(std::move(cell));
    const Tok* t = peek();
    if (!t) return fail("Expected '\\end{" + n.env + "}', got 'EOF'", end_), n;
    ++i_;
    if (t->kind == Tok::Amp) continue;
    if (t->kind == Tok::Cs && (t->s == "\\" || t->s == "cr")) {
      rows.push_back(std::move(row));
      row.clear();
      continue;
    }
    if (t->kind == Tok::Cs && t->s == "end") {
      std::string name = raw_group();
      if (!failed_ && name != written)
        fail("Mismatch: \\begin{" + written + "} ended by \\end{" + name + "}", t->pos);
      bool blank = row.size() == 1 && row[0].empty();
      if (!blank) rows.push_back(std::move(row));
      break;
    }
    fail("Unexpected '" + show(*t) + "' in " + n.env, t->pos);
  }
  for (const auto& r : rows) n.cols = std::max(n.cols, r.size());
  for (auto& r : rows) {
    r.resize(n.cols);
    for (List& cell : r) n.kids.push_back(std::move(cell));
  }
  return n;
}

}  // namespace deckpdf::math::detail
