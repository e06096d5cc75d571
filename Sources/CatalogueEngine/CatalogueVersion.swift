/// The catalogue's version: `catalogue --version`, the server's `Server` header and `/healthz`,
/// the OpenAPI document and the DCAT-AP export's generator all name this one value.
public enum CatalogueVersion {
    public static let current = "0.10.0"
}
