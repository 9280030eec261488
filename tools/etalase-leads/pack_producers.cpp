#include "pack_producers.h"

#include "kiosk/catalog/catalog.h"

namespace etalase::leadtool {

std::optional<Error> fillProducersFromPack(const std::filesystem::path& pack,
                                           exporting::WriterOptions& options) {
  auto loaded = kiosk::loadCatalog(pack);
  if (!loaded) return loaded.error();
  const kiosk::Catalog& catalog = loaded.value().catalog;
  for (const kiosk::Product& product : catalog.products) {
    options.producerOfProduct[product.id] = product.producerId;
  }
  for (const kiosk::Producer& producer : catalog.producers) {
    // An organiser's files are read in English more than in any one stand's language.
    options.producerNames[producer.id] =
        kiosk::localized(producer.name, "en", catalog.defaultLanguage);
  }
  return std::nullopt;
}

}  // namespace etalase::leadtool
