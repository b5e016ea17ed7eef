resource "aws_service_discovery_private_dns_namespace" "main" {
  name = "microservices-${var.environment_suffix}.local"
  vpc  = aws_vpc.main.id
}

resource "aws_service_discovery_service" "services" {
  for_each = var.service_config

  name = each.key

  dns_config {
    namespace_id = aws_service_discovery_private_dns_namespace.main.id

    dns_records {
      ttl  = 10
      type = "A"
    }
  }
}
