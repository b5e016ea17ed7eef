variable "service_config" {
  description = "Services of the mesh"
  type = map(object({
    port = number
  }))
  default = {
    api     = { port = 8080 }
    orders  = { port = 8081 }
    billing = { port = 8082 }
  }
}

resource "aws_appmesh_mesh" "main" {
  name = "main-mesh"
}

resource "aws_service_discovery_private_dns_namespace" "main" {
  name = "microservices.local"
  vpc  = "vpc-12345678"
}

resource "aws_appmesh_virtual_node" "services" {
  for_each = var.service_config

  name      = "vn-${each.key}"
  mesh_name = aws_appmesh_mesh.main.id

  spec {
    listener {
      port_mapping {
        port     = each.value.port
        protocol = "http"
      }
    }

    service_discovery {
      aws_cloud_map {
        service_name   = each.key
        namespace_name = aws_service_discovery_private_dns_namespace.main.name
      }
    }

    backend {
      dynamic "virtual_service" {
        for_each = [for svc in keys(var.service_config) : svc if svc != each.key]
        content {
          virtual_service_name = "${virtual_service.value}.${aws_service_discovery_private_dns_namespace.main.name}"
        }
      }
    }
  }
}
