module "service" {
  source = "../.."

  name = "customer-identity-verification"
}
