variable "ports" {
  type    = list(number)
  default = [8080, 8443]
}

resource "aws_appmesh_virtual_gateway" "edge" {
  name      = "edge"
  mesh_name = "main"

  spec {
    listener {
      dynamic "port_mapping" {
        for_each = var.ports
        content {
          port     = port_mapping.value
          protocol = "http"
        }
      }
    }
  }
}
