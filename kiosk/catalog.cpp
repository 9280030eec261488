// Parsing pack.json into a Catalog, with the field path in every error.
#include "catalog.h"

#include <nlohmann/json.hpp>

#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace etalase::kiosk {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Thrown inside this file only; loadCatalog turns it into an Error.
struct FieldError {
  std::string field;
  std::string what;
};

const char* typeName(const json& value) { return value.type_name(); }

// "products[0]" + "name" -> "products[0].name"; at the top level just "name".
std::string field(const std::string& where, const char* key) {
  return where.empty() ? std::string(key) : where + "." + key;
}

// Messages reach a screen and the journal: bytes that are not UTF-8 become '?'.
std::string printable(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (int k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    if (valid && (length > 1 || byte >= 0x20 || byte == '\n')) {
      out.append(text, i, length);
      i += length;
    } else {
      out += '?';
      ++i;
    }
  }
  return out;
}

const json& member(const json& object, const char* key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end()) throw FieldError{field(where, key), "is missing"};
  return *it;
}

const json* optionalMember(const json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string text(const json& value, const std::string& where) {
  if (!value.is_string()) throw FieldError{where, fmt::format("must be text, not {}", typeName(value))};
  return value.get<std::string>();
}

double number(const json& value, const std::string& where) {
  if (!value.is_number()) throw FieldError{where, fmt::format("must be a number, not {}", typeName(value))};
  const double n = value.get<double>();
  if (n < 0) throw FieldError{where, "must not be negative"};
  return n;
}

const json& object(const json& value, const std::string& where) {
  if (!value.is_object()) throw FieldError{where, fmt::format("must be an object, not {}", typeName(value))};
  return value;
}

const json& array(const json& value, const std::string& where) {
  if (!value.is_array()) throw FieldError{where, fmt::format("must be a list, not {}", typeName(value))};
  return value;
}

LocalizedText localizedText(const json& value, const std::string& where) {
  LocalizedText result;
  if (value.is_string()) {  // one text for every language
    result["en"] = value.get<std::string>();
    return result;
  }
  for (const auto& [language, entry] : object(value, where).items()) {
    result[language] = text(entry, field(where, language.c_str()));
  }
  if (result.empty()) throw FieldError{where, "has no text in any language"};
  return result;
}

LocalizedText optionalLocalized(const json& parent, const char* key, const std::string& where) {
  const json* value = optionalMember(parent, key);
  return value ? localizedText(*value, field(where, key)) : LocalizedText{};
}

std::string optionalText(const json& parent, const char* key, const std::string& where) {
  const json* value = optionalMember(parent, key);
  return value ? text(*value, field(where, key)) : std::string{};
}

// A file named by the pack: relative, and never leading out of the pack's folder.
fs::path packFile(const fs::path& root, const json& value, const std::string& where) {
  const fs::path relative(text(value, where));
  if (relative.empty()) throw FieldError{where, "is empty"};
  if (relative.is_absolute()) throw FieldError{where, "must be a path inside the pack, not an absolute path"};
  for (const auto& part : relative) {
    if (part == "..") throw FieldError{where, "must not lead out of the pack (\"..\")"};
  }
  return root / relative.lexically_normal();
}

std::vector<fs::path> fileList(const fs::path& root, const json& parent, const char* key,
                               const std::string& where, std::vector<Error>& warnings) {
  std::vector<fs::path> files;
  const json* value = optionalMember(parent, key);
  if (!value) return files;
  const std::string listWhere = field(where, key);
  const json& list = array(*value, listWhere);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string itemWhere = fmt::format("{}[{}]", listWhere, i);
    fs::path file = packFile(root, list[i], itemWhere);
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
      warnings.push_back({itemWhere, fmt::format("file {} not found in the pack", list[i].get<std::string>())});
      continue;
    }
    files.push_back(std::move(file));
  }
  return files;
}

std::optional<Quantity> quantity(const json& parent, const char* key, const std::string& where) {
  const json* value = optionalMember(parent, key);
  if (!value) return std::nullopt;
  const std::string at = field(where, key);
  object(*value, at);
  return Quantity{number(member(*value, "quantity", at), at + ".quantity"), optionalText(*value, "unit", at)};
}

Producer parseProducer(const json& value, const std::string& where, const fs::path& root,
                       std::vector<Error>& warnings) {
  object(value, where);
  Producer producer;
  producer.id = text(member(value, "id", where), where + ".id");
  producer.name = localizedText(member(value, "name", where), where + ".name");
  producer.region = optionalLocalized(value, "region", where);
  producer.story = optionalLocalized(value, "story", where);
  if (const json* logo = optionalMember(value, "logo")) {
    producer.logo = packFile(root, *logo, where + ".logo");
    std::error_code ec;
    if (!fs::is_regular_file(producer.logo, ec)) {
      warnings.push_back({where + ".logo", "file not found in the pack"});
      producer.logo.clear();
    }
  }
  if (const json* contact = optionalMember(value, "contact")) {
    const std::string at = where + ".contact";
    object(*contact, at);
    producer.contact = {optionalText(*contact, "whatsapp", at), optionalText(*contact, "email", at),
                        optionalText(*contact, "website", at)};
  }
  return producer;
}

Product parseProduct(const json& value, const std::string& where, const fs::path& root,
                     std::vector<Error>& warnings) {
  object(value, where);
  Product product;
  product.id = text(member(value, "id", where), where + ".id");
  product.producerId = text(member(value, "producer", where), where + ".producer");
  product.category = optionalText(value, "category", where);
  product.name = localizedText(member(value, "name", where), where + ".name");
  product.description = optionalLocalized(value, "description", where);
  product.materials = optionalLocalized(value, "materials", where);
  if (const json* list = optionalMember(value, "certifications")) {
    const std::string at = where + ".certifications";
    array(*list, at);
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string item = fmt::format("{}[{}]", at, i);
      object((*list)[i], item);
      product.certifications.push_back({text(member((*list)[i], "name", item), item + ".name"),
                                        optionalText((*list)[i], "number", item)});
    }
  }
  product.capacityPerMonth = quantity(value, "capacity_per_month", where);
  product.minimumOrder = quantity(value, "minimum_order", where);
  if (const json* price = optionalMember(value, "price_range")) {
    const std::string at = where + ".price_range";
    object(*price, at);
    PriceRange range;
    range.min = number(member(*price, "min", at), at + ".min");
    range.max = number(member(*price, "max", at), at + ".max");
    if (range.max < range.min) throw FieldError{at, "max is below min"};
    range.currency = text(member(*price, "currency", at), at + ".currency");
    range.unit = optionalText(*price, "unit", at);
    range.terms = optionalText(*price, "terms", at);
    product.priceRange = range;
  }
  if (const json* lead = optionalMember(value, "lead_time_days")) {
    product.leadTimeDays = static_cast<int>(number(*lead, where + ".lead_time_days"));
  }
  product.hsCode = optionalText(value, "hs_code", where);
  if (const json* markets = optionalMember(value, "markets")) {
    const std::string at = where + ".markets";
    array(*markets, at);
    for (std::size_t i = 0; i < markets->size(); ++i) {
      product.markets.push_back(text((*markets)[i], fmt::format("{}[{}]", at, i)));
    }
  }
  product.photos = fileList(root, value, "photos", where, warnings);
  product.videos = fileList(root, value, "videos", where, warnings);
  return product;
}

Catalog parseCatalog(const json& document, const fs::path& root, std::vector<Error>& warnings) {
  object(document, "pack.json");
  const json& version = member(document, "schema_version", "");
  if (!version.is_number_integer() || version.get<int>() != kSchemaVersion) {
    throw FieldError{"schema_version", fmt::format("must be {} (this kiosk reads version {} packs)",
                                                   kSchemaVersion, kSchemaVersion)};
  }
  Catalog catalog;
  catalog.root = root;
  const json& pack = object(member(document, "pack", ""), "pack");
  catalog.id = text(member(pack, "id", "pack"), "pack.id");
  catalog.title = localizedText(member(pack, "title", "pack"), "pack.title");
  if (const json* language = optionalMember(pack, "default_language")) {
    catalog.defaultLanguage = text(*language, "pack.default_language");
  }
  if (const json* languages = optionalMember(pack, "languages")) {
    array(*languages, "pack.languages");
    for (std::size_t i = 0; i < languages->size(); ++i) {
      catalog.languages.push_back(text((*languages)[i], fmt::format("pack.languages[{}]", i)));
    }
  }
  if (catalog.languages.empty()) catalog.languages.push_back(catalog.defaultLanguage);

  const json& producers = array(member(document, "producers", ""), "producers");
  for (std::size_t i = 0; i < producers.size(); ++i) {
    catalog.producers.push_back(parseProducer(producers[i], fmt::format("producers[{}]", i), root, warnings));
  }
  const json& products = array(member(document, "products", ""), "products");
  for (std::size_t i = 0; i < products.size(); ++i) {
    const std::string where = fmt::format("products[{}]", i);
    Product product = parseProduct(products[i], where, root, warnings);
    if (!catalog.producer(product.producerId)) {
      throw FieldError{where + ".producer", fmt::format("names producer \"{}\", which the pack does not have",
                                                        product.producerId)};
    }
    catalog.products.push_back(std::move(product));
  }
  if (optionalMember(document, "attract")) {
    catalog.attract = fileList(root, document, "attract", "", warnings);
  } else {
    for (const Product& product : catalog.products) {
      catalog.attract.insert(catalog.attract.end(), product.videos.begin(), product.videos.end());
    }
  }
  return catalog;
}

}  // namespace

const Producer* Catalog::producer(const std::string& producerId) const {
  for (const Producer& p : producers) {
    if (p.id == producerId) return &p;
  }
  return nullptr;
}

std::vector<std::string> Catalog::allTexts() const {
  std::vector<std::string> texts;
  auto add = [&](const LocalizedText& text) {
    for (const auto& [language, value] : text) texts.push_back(value);
  };
  add(title);
  for (const Producer& p : producers) {
    for (const LocalizedText* t : {&p.name, &p.region, &p.story}) add(*t);
  }
  for (const Product& p : products) {
    for (const LocalizedText* t : {&p.name, &p.description, &p.materials}) add(*t);
    texts.push_back(p.category);
  }
  return texts;
}

Result<LoadedCatalog> loadCatalog(const fs::path& packDirectory) {
  const fs::path manifest = packDirectory / kManifestName;
  std::error_code ec;
  if (!fs::is_directory(packDirectory, ec)) {
    return Error{packDirectory.string(), "content pack folder not found"};
  }
  std::ifstream in(manifest, std::ios::binary);
  if (!in) return Error{manifest.string(), "cannot read the pack's manifest"};
  std::stringstream buffer;
  buffer << in.rdbuf();
  json document;
  try {
    document = json::parse(buffer.str());
  } catch (const json::parse_error& e) {
    return Error{manifest.string(), printable(fmt::format("not valid JSON at byte {}: {}", e.byte, e.what()))};
  }
  LoadedCatalog loaded;
  try {
    loaded.catalog = parseCatalog(document, fs::absolute(packDirectory).lexically_normal(), loaded.warnings);
  } catch (const FieldError& e) {
    return Error{fmt::format("{}: {}", manifest.string(), e.field.empty() ? "(top level)" : e.field), e.what};
  } catch (const json::exception& e) {
    return Error{manifest.string(), e.what()};
  }
  for (Error& warning : loaded.warnings) warning.where = manifest.string() + ": " + warning.where;
  return loaded;
}

const std::string& localized(const LocalizedText& text, const std::string& language,
                             const std::string& fallback) {
  static const std::string kEmpty;
  static const std::string kEnglish = "en";
  for (const std::string* code : {&language, &fallback, &kEnglish}) {
    if (auto it = text.find(*code); it != text.end() && !it->second.empty()) return it->second;
  }
  for (const auto& [code, value] : text) {
    if (!value.empty()) return value;
  }
  return kEmpty;
}

}  // namespace etalase::kiosk
