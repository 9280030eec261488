// Parsing pack.json into a Catalog, with the field path in every error.
#include "catalog.h"

#include "kiosk/catalog/json_document.h"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

namespace etalase::kiosk {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Thrown inside this file only; loadCatalog turns it into an Error.
struct FieldError {
  std::string field;
  std::string what;
};

// What the parse functions add to besides the catalog itself.
struct PackContext {
  fs::path root;      // absolute, as given (the paths in the catalog start with it)
  fs::path realRoot;  // symbolic links resolved, to tell where a file really is
  std::vector<Error>& warnings;
  std::vector<PackFile>& files;
};

const char* typeName(const json& value) { return value.type_name(); }

// "products[0]" + "name" -> "products[0].name"; at the top level just "name".
std::string field(const std::string& where, const char* key) {
  return where.empty() ? std::string(key) : where + "." + key;
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

// A file named by the pack: relative, and never leading out of the pack's folder, neither by
// its name nor through a symbolic link (a stick prepared on another machine may carry links to
// anywhere on this one).
fs::path packFile(const PackContext& pack, const json& value, const std::string& where) {
  const fs::path relative(text(value, where));
  if (relative.empty()) throw FieldError{where, "is empty"};
  if (relative.is_absolute()) throw FieldError{where, "must be a path inside the pack, not an absolute path"};
  for (const auto& part : relative) {
    if (part == "..") throw FieldError{where, "must not lead out of the pack (\"..\")"};
  }
  fs::path file = pack.root / relative.lexically_normal();
  std::error_code ec;
  // weakly_canonical resolves links in the part that exists, so a linked folder is caught even
  // when the file itself is missing.
  const fs::path real = fs::weakly_canonical(file, ec);
  if (!ec) {
    const fs::path inside = real.lexically_relative(pack.realRoot);
    if (inside.empty() || *inside.begin() == "..") {
      throw FieldError{where, fmt::format("leads out of the pack through a symbolic link (to {})", real.string())};
    }
  }
  return file;
}

// Records the file for the tools; true when it is there.
bool recordFile(PackContext& pack, const fs::path& file, const std::string& where, PackFile::Kind kind) {
  std::error_code ec;
  const bool found = fs::is_regular_file(file, ec);
  pack.files.push_back({where, file, kind, found});
  return found;
}

std::vector<fs::path> fileList(PackContext& pack, const json& parent, const char* key,
                               const std::string& where, PackFile::Kind kind) {
  std::vector<fs::path> files;
  const json* value = optionalMember(parent, key);
  if (!value) return files;
  const std::string listWhere = field(where, key);
  const json& list = array(*value, listWhere);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string itemWhere = fmt::format("{}[{}]", listWhere, i);
    fs::path file = packFile(pack, list[i], itemWhere);
    if (!recordFile(pack, file, itemWhere, kind)) {
      pack.warnings.push_back({itemWhere, fmt::format("file {} not found in the pack", list[i].get<std::string>())});
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

Producer parseProducer(const json& value, const std::string& where, PackContext& pack) {
  object(value, where);
  Producer producer;
  producer.id = text(member(value, "id", where), where + ".id");
  producer.name = localizedText(member(value, "name", where), where + ".name");
  producer.region = optionalLocalized(value, "region", where);
  producer.story = optionalLocalized(value, "story", where);
  if (const json* logo = optionalMember(value, "logo")) {
    producer.logo = packFile(pack, *logo, where + ".logo");
    if (!recordFile(pack, producer.logo, where + ".logo", PackFile::Kind::Image)) {
      pack.warnings.push_back({where + ".logo", "file not found in the pack"});
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

Product parseProduct(const json& value, const std::string& where, PackContext& pack) {
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
  product.photos = fileList(pack, value, "photos", where, PackFile::Kind::Image);
  product.videos = fileList(pack, value, "videos", where, PackFile::Kind::Video);
  return product;
}

Catalog parseCatalog(const json& document, PackContext& context) {
  object(document, "pack.json");
  const json& version = member(document, "schema_version", "");
  if (!version.is_number_integer() || version.get<int>() != kSchemaVersion) {
    throw FieldError{"schema_version", fmt::format("must be {} (this kiosk reads version {} packs)",
                                                   kSchemaVersion, kSchemaVersion)};
  }
  Catalog catalog;
  catalog.root = context.root;
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
  // The stand's consent text for the contact form; its version is stored with every lead.
  if (const json* consent = optionalMember(document, "consent")) {
    object(*consent, "consent");
    ConsentText stand;
    stand.version = text(member(*consent, "version", "consent"), "consent.version");
    if (stand.version.empty()) throw FieldError{"consent.version", "is empty"};
    stand.text = localizedText(member(*consent, "text", "consent"), "consent.text");
    if (stand.text.find(catalog.defaultLanguage) == stand.text.end()) {
      context.warnings.push_back(Error{"consent.text", fmt::format("has no text in the pack's default language \"{}\"",
                                                                   catalog.defaultLanguage)});
    }
    catalog.consent = std::move(stand);
  }

  const json& producers = array(member(document, "producers", ""), "producers");
  for (std::size_t i = 0; i < producers.size(); ++i) {
    catalog.producers.push_back(parseProducer(producers[i], fmt::format("producers[{}]", i), context));
  }
  const json& products = array(member(document, "products", ""), "products");
  for (std::size_t i = 0; i < products.size(); ++i) {
    const std::string where = fmt::format("products[{}]", i);
    Product product = parseProduct(products[i], where, context);
    if (!catalog.producer(product.producerId)) {
      throw FieldError{where + ".producer", fmt::format("names producer \"{}\", which the pack does not have",
                                                        product.producerId)};
    }
    catalog.products.push_back(std::move(product));
  }
  if (optionalMember(document, "attract")) {
    catalog.attract = fileList(context, document, "attract", "", PackFile::Kind::Video);
  } else {
    for (const Product& product : catalog.products) {
      catalog.attract.insert(catalog.attract.end(), product.videos.begin(), product.videos.end());
    }
  }
  return catalog;
}

std::string humanBytes(std::uintmax_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

}  // namespace

const Producer* Catalog::producer(const std::string& producerId) const {
  for (const Producer& p : producers) {
    if (p.id == producerId) return &p;
  }
  return nullptr;
}

const Product* Catalog::product(const std::string& productId) const {
  for (const Product& p : products) {
    if (p.id == productId) return &p;
  }
  return nullptr;
}

std::vector<std::string> Catalog::allTexts() const {
  std::vector<std::string> texts;
  auto add = [&](const LocalizedText& text) {
    for (const auto& [language, value] : text) texts.push_back(value);
  };
  add(title);
  if (consent) add(consent->text);
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
  if (fs::exists(manifest, ec) && !fs::is_regular_file(manifest, ec)) {
    return Error{manifest.string(), "cannot read the pack's manifest: it is not a regular file"};
  }
  const std::uintmax_t size = fs::file_size(manifest, ec);
  if (!ec && size > kMaxManifestBytes) {
    return Error{manifest.string(), fmt::format("the manifest is {}, more than the {} a manifest may be",
                                                humanBytes(size), humanBytes(kMaxManifestBytes))};
  }
  std::ifstream in(manifest, std::ios::binary);
  if (!in) return Error{manifest.string(), "cannot read the pack's manifest"};
  std::string manifestText;
  manifestText.resize(static_cast<std::size_t>(kMaxManifestBytes) + 1);  // a file still growing stops here
  in.read(manifestText.data(), static_cast<std::streamsize>(manifestText.size()));
  manifestText.resize(static_cast<std::size_t>(in.gcount()));
  if (manifestText.size() > kMaxManifestBytes) {
    return Error{manifest.string(), fmt::format("the manifest is more than the {} a manifest may be",
                                                humanBytes(kMaxManifestBytes))};
  }
  Result<json> parsed = parseJsonDocument(manifestText, manifest.string());
  if (!parsed) return parsed.error();
  const json document = std::move(parsed.value());
  LoadedCatalog loaded;
  const fs::path root = fs::absolute(packDirectory).lexically_normal();
  PackContext pack{root, fs::canonical(root, ec), loaded.warnings, loaded.files};
  if (ec) return Error{packDirectory.string(), "cannot resolve the pack folder: " + ec.message()};
  // A field's own problem names the field; anything else the walk throws (the JSON library, the
  // file system, memory) is caught by the shared boundary.
  Result<Catalog> walked = catchingJsonErrors(manifest.string(), [&]() -> Result<Catalog> {
    try {
      return parseCatalog(document, pack);
    } catch (const FieldError& e) {
      return Error{fmt::format("{}: {}", manifest.string(), e.field.empty() ? "(top level)" : e.field), printable(e.what)};
    }
  });
  if (!walked) return walked.error();
  loaded.catalog = std::move(walked.value());
  for (Error& warning : loaded.warnings) warning.where = manifest.string() + ": " + warning.where;
  return loaded;
}


const std::string* localizedLanguage(const LocalizedText& text, const std::string& language,
                                     const std::string& fallback) {
  static const std::string kEnglish = "en";
  for (const std::string* code : {&language, &fallback, &kEnglish}) {
    if (auto it = text.find(*code); it != text.end() && !it->second.empty()) return &it->first;
  }
  for (const auto& [code, value] : text) {
    if (!value.empty()) return &code;
  }
  return nullptr;
}

const std::string& localized(const LocalizedText& text, const std::string& language,
                             const std::string& fallback) {
  static const std::string kEmpty;
  const std::string* code = localizedLanguage(text, language, fallback);
  return code ? text.at(*code) : kEmpty;
}

}  // namespace etalase::kiosk
