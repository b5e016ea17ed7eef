variable "ports" {
  type    = list(number)
  default = [8080, 8443]
}

resource "aws_appmesh_virtual_gateway" "edge" {
  name      = "edge"
  mesh_name = "main"

  spec {
    dynamic "listener" {
      for_each = var.ports
      content {
        port_mapping {
          port     = listener.value
          protocol = "http"
        }
      }
    }
  }
}
