resource "aws_appmesh_mesh" "main" {
  name = "mesh-${var.environment_suffix}"

  spec {
    egress_filter {
      type = "ALLOW_ALL"
    }
  }
}

resource "aws_appmesh_virtual_node" "services" {
  for_each = var.service_config

  name      = "vn-${each.key}-${var.environment_suffix}"
  mesh_name = aws_appmesh_mesh.main.id

  tags = {
    Service = each.key
  }

  spec {
    listener {
      port_mapping {
        port     = each.value.port
        protocol = "http"
      }

      health_check {
        protocol            = "http"
        path                = var.health_check_path
        healthy_threshold   = 2
        unhealthy_threshold = 3
        timeout_millis      = 2000
        interval_millis     = 5000
      }
    }

    service_discovery {
      aws_cloud_map {
        service_name   = aws_service_discovery_service.services[each.key].name
        namespace_name = aws_service_discovery_private_dns_namespace.main.name
      }
    }

    logging {
      access_log {
        file {
          path = "/dev/stdout"
        }
      }
    }

    dynamic "backend" {
      for_each = [for svc in keys(var.service_config) : svc if svc != each.key]
      content {
        virtual_service {
          virtual_service_name = "${backend.value}.${aws_service_discovery_private_dns_namespace.main.name}"
        }
      }
    }
  }
}

resource "aws_appmesh_virtual_service" "services" {
  for_each = var.service_config

  name      = "${each.key}.${aws_service_discovery_private_dns_namespace.main.name}"
  mesh_name = aws_appmesh_mesh.main.id

  spec {
    provider {
      virtual_node {
        virtual_node_name = aws_appmesh_virtual_node.services[each.key].name
      }
    }
  }

  tags = {
    Service = each.key
  }
}
