# Provider 2.x and 3.x allow one listener per virtual node, and the releases that made
# port_mapping one per listener are not recorded: nothing is known to report here.
resource "aws_appmesh_virtual_node" "api" {
  name      = "api"
  mesh_name = "main"

  spec {
    listener {
      port_mapping {
        port     = 8080
        protocol = "http"
      }
      port_mapping {
        port     = 8081
        protocol = "http"
      }
    }
  }
}
