// math/symbols — the tables of KaTeX's supported functions that talks use:
// Greek, relations, binary operators, arrows, delimiters, miscellany, large
// and named operators, accents, spaces; and the Unicode math alphabets.
#include "math/symbols.h"

#include <cmath>
#include <unordered_map>

namespace deckpdf::math {

namespace {

using C = Class;

const std::unordered_map<std::string_view, Symbol>& symbols() {
  static const std::unordered_map<std::string_view, Symbol> table = {
      // Greek, lower case (italic by default) and upper case (upright).
      {"alpha", {0x3B1, C::Ord}},
      {"beta", {0x3B2, C::Ord}},
      {"gamma", {0x3B3, C::Ord}},
      {"delta", {0x3B4, C::Ord}},
      {"epsilon", {0x3F5, C::Ord}},
      {"varepsilon", {0x3B5, C::Ord}},
      {"zeta", {0x3B6, C::Ord}},
      {"eta", {0x3B7, C::Ord}},
      {"theta", {0x3B8, C::Ord}},
      {"vartheta", {0x3D1, C::Ord}},
      {"iota", {0x3B9, C::Ord}},
      {"kappa", {0x3BA, C::Ord}},
      {"lambda", {0x3BB, C::Ord}},
      {"mu", {0x3BC, C::Ord}},
      {"nu", {0x3BD, C::Ord}},
      {"xi", {0x3BE, C::Ord}},
      {"omicron", {0x3BF, C::Ord}},
      {"pi", {0x3C0, C::Ord}},
      {"varpi", {0x3D6, C::Ord}},
      {"rho", {0x3C1, C::Ord}},
      {"varrho", {0x3F1, C::Ord}},
      {"sigma", {0x3C3, C::Ord}},
      {"varsigma", {0x3C2, C::Ord}},
      {"tau", {0x3C4, C::Ord}},
      {"upsilon", {0x3C5, C::Ord}},
      {"phi", {0x3D5, C::Ord}},
      {"varphi", {0x3C6, C::Ord}},
      {"chi", {0x3C7, C::Ord}},
      {"psi", {0x3C8, C::Ord}},
      {"omega", {0x3C9, C::Ord}},
      {"Gamma", {0x393, C::Ord}},
      {"Delta", {0x394, C::Ord}},
      {"Theta", {0x398, C::Ord}},
      {"Lambda", {0x39B, C::Ord}},
      {"Xi", {0x39E, C::Ord}},
      {"Pi", {0x3A0, C::Ord}},
      {"Sigma", {0x3A3, C::Ord}},
      {"Upsilon", {0x3A5, C::Ord}},
      {"Phi", {0x3A6, C::Ord}},
      {"Psi", {0x3A8, C::Ord}},
      {"Omega", {0x3A9, C::Ord}},
      // Letter-like and miscellany.
      {"infty", {0x221E, C::Ord}},
      {"partial", {0x2202, C::Ord}},
      {"nabla", {0x2207, C::Ord}},
      {"hbar", {0x210F, C::Ord}},
      {"ell", {0x2113, C::Ord}},
      {"Re", {0x211C, C::Ord}},
      {"Im", {0x2111, C::Ord}},
      {"aleph", {0x2135, C::Ord}},
      {"emptyset", {0x2205, C::Ord}},
      {"varnothing", {0x2205, C::Ord}},
      {"forall", {0x2200, C::Ord}},
      {"exists", {0x2203, C::Ord}},
      {"nexists", {0x2204, C::Ord}},
      {"neg", {0xAC, C::Ord}},
      {"lnot", {0xAC, C::Ord}},
      {"prime", {0x2032, C::Ord}},
      {"angle", {0x2220, C::Ord}},
      {"triangle", {0x25B3, C::Ord}},
      {"top", {0x22A4, C::Ord}},
      {"bot", {0x22A5, C::Ord}},
      {"dots", {0x2026, C::Inner}},
      {"ldots", {0x2026, C::Inner}},
      {"cdots", {0x22EF, C::Inner}},
      {"vdots", {0x22EE, C::Ord}},
      {"ddots", {0x22F1, C::Inner}},
      {"$", {'$', C::Ord}},
      {"%", {'%', C::Ord}},
      {"&", {'&', C::Ord}},
      {"#", {'#', C::Ord}},
      {"_", {'_', C::Ord}},
      {"checkmark", {0x2713, C::Ord}},
      {"dagger", {0x2020, C::Bin}},
      {"ddagger", {0x2021, C::Bin}},
      {"star", {0x22C6, C::Bin}},
      {"S", {0xA7, C::Ord}},
      {"P", {0xB6, C::Ord}},
      // Binary operators.
      {"pm", {0xB1, C::Bin}},
      {"mp", {0x2213, C::Bin}},
      {"times", {0xD7, C::Bin}},
      {"div", {0xF7, C::Bin}},
      {"cdot", {0x22C5, C::Bin}},
      {"ast", {0x2217, C::Bin}},
      {"circ", {0x2218, C::Bin}},
      {"bullet", {0x2219, C::Bin}},
      {"oplus", {0x2295, C::Bin}},
      {"ominus", {0x2296, C::Bin}},
      {"otimes", {0x2297, C::Bin}},
      {"odot", {0x2299, C::Bin}},
      {"cap", {0x2229, C::Bin}},
      {"cup", {0x222A, C::Bin}},
      {"wedge", {0x2227, C::Bin}},
      {"land", {0x2227, C::Bin}},
      {"vee", {0x2228, C::Bin}},
      {"lor", {0x2228, C::Bin}},
      {"setminus", {0x2216, C::Bin}},
      {"sqcup", {0x2294, C::Bin}},
      {"sqcap", {0x2293, C::Bin}},
      {"uplus", {0x228E, C::Bin}},
      {"wr", {0x2240, C::Bin}},
      {"diamond", {0x22C4, C::Bin}},
      // Relations.
      {"leq", {0x2264, C::Rel}},
      {"le", {0x2264, C::Rel}},
      {"geq", {0x2265, C::Rel}},
      {"ge", {0x2265, C::Rel}},
      {"neq", {0x2260, C::Rel}},
      {"ne", {0x2260, C::Rel}},
      {"equiv", {0x2261, C::Rel}},
      {"approx", {0x2248, C::Rel}},
      {"sim", {0x223C, C::Rel}},
      {"simeq", {0x2243, C::Rel}},
      {"cong", {0x2245, C::Rel}},
      {"propto", {0x221D, C::Rel}},
      {"ll", {0x226A, C::Rel}},
      {"gg", {0x226B, C::Rel}},
      {"subset", {0x2282, C::Rel}},
      {"supset", {0x2283, C::Rel}},
      {"subseteq", {0x2286, C::Rel}},
      {"supseteq", {0x2287, C::Rel}},
      {"in", {0x2208, C::Rel}},
      {"notin", {0x2209, C::Rel}},
      {"ni", {0x220B, C::Rel}},
      {"mid", {0x2223, C::Rel}},
      {"parallel", {0x2225, C::Rel}},
      {"perp", {0x22A5, C::Rel}},
      {"vdash", {0x22A2, C::Rel}},
      {"dashv", {0x22A3, C::Rel}},
      {"models", {0x22A8, C::Rel}},
      {"prec", {0x227A, C::Rel}},
      {"succ", {0x227B, C::Rel}},
      {"preceq", {0x2AAF, C::Rel}},
      {"succeq", {0x2AB0, C::Rel}},
      {"asymp", {0x224D, C::Rel}},
      {"doteq", {0x2250, C::Rel}},
      {"coloneqq", {0x2254, C::Rel}},
      {"triangleq", {0x225C, C::Rel}},
      {"lesssim", {0x2272, C::Rel}},
      {"gtrsim", {0x2273, C::Rel}},
      {"leqslant", {0x2A7D, C::Rel}},
      {"geqslant", {0x2A7E, C::Rel}},
      {"lt", {'<', C::Rel}},
      {"gt", {'>', C::Rel}},
      {"therefore", {0x2234, C::Rel}},
      {"because", {0x2235, C::Rel}},
      {"square", {0x25A1, C::Ord}},
      {"blacksquare", {0x25A0, C::Ord}},
      {"Box", {0x25A1, C::Ord}},
      // Arrows (relations).
      {"to", {0x2192, C::Rel}},
      {"rightarrow", {0x2192, C::Rel}},
      {"leftarrow", {0x2190, C::Rel}},
      {"gets", {0x2190, C::Rel}},
      {"leftrightarrow", {0x2194, C::Rel}},
      {"Rightarrow", {0x21D2, C::Rel}},
      {"Leftarrow", {0x21D0, C::Rel}},
      {"Leftrightarrow", {0x21D4, C::Rel}},
      {"iff", {0x27FA, C::Rel}},
      {"implies", {0x27F9, C::Rel}},
      {"impliedby", {0x27F8, C::Rel}},
      {"mapsto", {0x21A6, C::Rel}},
      {"longrightarrow", {0x27F6, C::Rel}},
      {"longleftarrow", {0x27F5, C::Rel}},
      {"Longrightarrow", {0x27F9, C::Rel}},
      {"longmapsto", {0x27FC, C::Rel}},
      {"uparrow", {0x2191, C::Rel}},
      {"downarrow", {0x2193, C::Rel}},
      {"hookrightarrow", {0x21AA, C::Rel}},
      {"rightleftharpoons", {0x21CC, C::Rel}},
      {"nearrow", {0x2197, C::Rel}},
      {"searrow", {0x2198, C::Rel}},
      // Delimiters.
      {"{", {'{', C::Open}},
      {"}", {'}', C::Close}},
      {"lbrace", {'{', C::Open}},
      {"rbrace", {'}', C::Close}},
      {"langle", {0x27E8, C::Open}},
      {"rangle", {0x27E9, C::Close}},
      {"lfloor", {0x230A, C::Open}},
      {"rfloor", {0x230B, C::Close}},
      {"lceil", {0x2308, C::Open}},
      {"rceil", {0x2309, C::Close}},
      {"lvert", {'|', C::Open}},
      {"rvert", {'|', C::Close}},
      {"lVert", {0x2016, C::Open}},
      {"rVert", {0x2016, C::Close}},
      {"vert", {'|', C::Ord}},
      {"|", {0x2016, C::Ord}},
      {"Vert", {0x2016, C::Ord}},
      {"lbrack", {'[', C::Open}},
      {"rbrack", {']', C::Close}},
      {"backslash", {'\\', C::Ord}},
      // Punctuation.
      {"colon", {':', C::Punct}},
      {"ldotp", {'.', C::Punct}},
      {"cdotp", {0x22C5, C::Punct}},
  };
  return table;
}

const std::unordered_map<std::string_view, BigOp>& operators() {
  static const std::unordered_map<std::string_view, BigOp> table = {
      {"sum", {0x2211, "", true}},       {"prod", {0x220F, "", true}},
      {"coprod", {0x2210, "", true}},    {"int", {0x222B, "", false}},
      {"iint", {0x222C, "", false}},     {"iiint", {0x222D, "", false}},
      {"oint", {0x222E, "", false}},     {"bigcup", {0x22C3, "", true}},
      {"bigcap", {0x22C2, "", true}},    {"bigoplus", {0x2A01, "", true}},
      {"bigotimes", {0x2A02, "", true}}, {"bigvee", {0x22C1, "", true}},
      {"bigwedge", {0x22C0, "", true}},  {"bigsqcup", {0x2A06, "", true}},
      {"lim", {0, "lim", true}},         {"liminf", {0, "lim inf", true}},
      {"limsup", {0, "lim sup", true}},  {"max", {0, "max", true}},
      {"min", {0, "min", true}},         {"sup", {0, "sup", true}},
      {"inf", {0, "inf", true}},         {"det", {0, "det", true}},
      {"gcd", {0, "gcd", true}},         {"Pr", {0, "Pr", true}},
      {"argmax", {0, "arg max", true}},  {"argmin", {0, "arg min", true}},
      {"sin", {0, "sin", false}},        {"cos", {0, "cos", false}},
      {"tan", {0, "tan", false}},        {"cot", {0, "cot", false}},
      {"sec", {0, "sec", false}},        {"csc", {0, "csc", false}},
      {"arcsin", {0, "arcsin", false}},  {"arccos", {0, "arccos", false}},
      {"arctan", {0, "arctan", false}},  {"sinh", {0, "sinh", false}},
      {"cosh", {0, "cosh", false}},      {"tanh", {0, "tanh", false}},
      {"log", {0, "log", false}},        {"ln", {0, "ln", false}},
      {"lg", {0, "lg", false}},          {"exp", {0, "exp", false}},
      {"arg", {0, "arg", false}},        {"deg", {0, "deg", false}},
      {"dim", {0, "dim", false}},        {"ker", {0, "ker", false}},
      {"hom", {0, "hom", false}},
  };
  return table;
}

}  // namespace

const Symbol* symbol_command(std::string_view name) {
  auto it = symbols().find(name);
  return it == symbols().end() ? nullptr : &it->second;
}

Class char_class(uint32_t cp) {
  switch (cp) {
    case '+':
    case '-':
    case '*':
    case 0x2212:
    case 0xB1:
    case 0xD7: return Class::Bin;
    case '=':
    case '<':
    case '>':
    case ':':
    case 0x2264:
    case 0x2265:
    case 0x2260:
    case 0x2192: return Class::Rel;
    case '(':
    case '[': return Class::Open;
    case ')':
    case ']':
    case '!':
    case '?': return Class::Close;
    case ',':
    case ';': return Class::Punct;
    default: return Class::Ord;
  }
}

const BigOp* big_operator(std::string_view name) {
  auto it = operators().find(name);
  return it == operators().end() ? nullptr : &it->second;
}

const AccentInfo* accent_command(std::string_view name) {
  static const std::unordered_map<std::string_view, AccentInfo> table = {
      {"hat", {0x302, false, false}},       {"widehat", {0x302, true, false}},
      {"tilde", {0x303, false, false}},     {"widetilde", {0x303, true, false}},
      {"bar", {0x304, false, false}},       {"vec", {0x20D7, false, false}},
      {"dot", {0x307, false, false}},       {"ddot", {0x308, false, false}},
      {"acute", {0x301, false, false}},     {"grave", {0x300, false, false}},
      {"check", {0x30C, false, false}},     {"breve", {0x306, false, false}},
      {"mathring", {0x30A, false, false}},  {"overline", {0, true, false}},
      {"underline", {0, true, true}},       {"overbrace", {0x23DE, true, false}},
      {"underbrace", {0x23DF, true, true}},
  };
  auto it = table.find(name);
  return it == table.end() ? nullptr : &it->second;
}

float space_command(std::string_view name) {
  static const std::unordered_map<std::string_view, float> table = {
      {",", 3.0f / 18},
      {"thinspace", 3.0f / 18},
      {":", 4.0f / 18},
      {">", 4.0f / 18},
      {"medspace", 4.0f / 18},
      {";", 5.0f / 18},
      {"thickspace", 5.0f / 18},
      {"!", -3.0f / 18},
      {"negthinspace", -3.0f / 18},
      {"quad", 1},
      {"qquad", 2},
      {"enspace", 0.5f},
      {" ", 0.25f},
      {"nobreakspace", 0.25f},
      {"space", 0.25f},
  };
  auto it = table.find(name);
  return it == table.end() ? std::nanf("") : it->second;
}

uint32_t alphabet(uint32_t cp, Variant v) {
  bool upper = cp >= 'A' && cp <= 'Z', lower = cp >= 'a' && cp <= 'z';
  bool digit = cp >= '0' && cp <= '9';
  bool greek_lower = cp >= 0x3B1 && cp <= 0x3C9;
  if (!upper && !lower && !digit && !greek_lower) return cp;
  uint32_t k = upper ? cp - 'A' : lower ? 26 + cp - 'a' : 0;
  switch (v) {
    case Variant::Normal:
    case Variant::It:
      if (greek_lower) return 0x1D6FC + (cp - 0x3B1);  // italic small alpha
      if (digit) return cp;
      if (cp == 'h') return 0x210E;
      return 0x1D434 + k;
    case Variant::Rm: return cp;
    case Variant::Bf:
      if (greek_lower) return 0x1D6C2 + (cp - 0x3B1);
      return digit ? 0x1D7CE + (cp - '0') : 0x1D400 + k;
    case Variant::Bb:
      if (digit) return 0x1D7D8 + (cp - '0');
      if (greek_lower) return cp;
      switch (cp) {
        case 'C': return 0x2102;
        case 'H': return 0x210D;
        case 'N': return 0x2115;
        case 'P': return 0x2119;
        case 'Q': return 0x211A;
        case 'R': return 0x211D;
        case 'Z': return 0x2124;
        default: return 0x1D538 + k;
      }
    case Variant::Cal:
      if (digit || greek_lower) return cp;
      switch (cp) {
        case 'B': return 0x212C;
        case 'E': return 0x2130;
        case 'F': return 0x2131;
        case 'H': return 0x210B;
        case 'I': return 0x2110;
        case 'L': return 0x2112;
        case 'M': return 0x2133;
        case 'R': return 0x211B;
        case 'e': return 0x212F;
        case 'g': return 0x210A;
        case 'o': return 0x2134;
        default: return 0x1D49C + k;
      }
    case Variant::Frak:
      if (digit || greek_lower) return cp;
      switch (cp) {
        case 'C': return 0x212D;
        case 'H': return 0x210C;
        case 'I': return 0x2111;
        case 'R': return 0x211C;
        case 'Z': return 0x2128;
        default: return 0x1D504 + k;
      }
    case Variant::Sf:
      if (greek_lower) return cp;
      return digit ? 0x1D7E2 + (cp - '0') : 0x1D5A0 + k;
    case Variant::Tt:
      if (greek_lower) return cp;
      return digit ? 0x1D7F6 + (cp - '0') : 0x1D670 + k;
  }
  return cp;
}

int64_t delimiter(std::string_view s, bool command) {
  if (!command) {
    if (s == ".") return 0;
    if (s == "(" || s == ")" || s == "[" || s == "]" || s == "|" || s == "/") {
      return static_cast<unsigned char>(s[0]);
    }
    return -1;
  }
  if (const Symbol* sym = symbol_command(s)) {
    if (sym->cls == Class::Open || sym->cls == Class::Close || sym->cp == '|' ||
        sym->cp == 0x2016 || sym->cp == '\\') {
      return sym->cp;
    }
  }
  if (s == "uparrow" || s == "downarrow") return s == "uparrow" ? 0x2191 : 0x2193;
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace deckpdf::math
